-- Every stored object of a session and when it must be gone, recorded by the @Retained
-- interceptor in the transaction that created it; removed with the session.
CREATE TABLE blob_deadlines (
    storage_key VARCHAR(200) NOT NULL PRIMARY KEY,
    session_id  VARCHAR(32)  NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    deadline    BIGINT       NOT NULL
);

CREATE INDEX blob_deadlines_deadline ON blob_deadlines (deadline);
