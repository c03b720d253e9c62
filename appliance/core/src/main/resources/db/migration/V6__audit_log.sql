-- The append-only audit log: operator-visible events without personal data, chained by hash.
CREATE TABLE audit_log (
    seq      BIGINT       NOT NULL PRIMARY KEY,
    at       BIGINT       NOT NULL,
    event    VARCHAR(64)  NOT NULL,
    detail   VARCHAR(500) NOT NULL,
    previous CHAR(64)     NOT NULL,
    hash     CHAR(64)     NOT NULL UNIQUE
);
