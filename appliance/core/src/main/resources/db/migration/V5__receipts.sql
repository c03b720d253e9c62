-- Deletion receipts: signed, hash-chained, kept after the session is gone (they hold no personal data).
CREATE TABLE receipts (
    seq        BIGINT        NOT NULL PRIMARY KEY,
    id         VARCHAR(32)   NOT NULL UNIQUE,
    hash       CHAR(64)      NOT NULL UNIQUE,
    body       VARCHAR(8000) NOT NULL,
    created_at BIGINT        NOT NULL
);

-- What a purge reports per kind: plaintext bytes of each stored photo and headshot.
ALTER TABLE photos ADD COLUMN bytes BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE headshots ADD COLUMN bytes BIGINT DEFAULT 0 NOT NULL;
