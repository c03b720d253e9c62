-- A purge in progress and its failures. state PURGING: the purge has begun (key destroyed, jobs
-- cancelled), so nothing new is recorded for the session; purge_reason: why it began (the
-- receipt says so even when a retry finishes it). purge_attempts and purge_retry_at:
-- a session whose purge failed is retried with back-off instead of holding up the sweep.
-- purged_objects: storage objects deleted by attempts that did not finish, for the receipt.

ALTER TABLE sessions DROP CONSTRAINT sessions_state;
ALTER TABLE sessions ADD CONSTRAINT sessions_state CHECK (state IN ('OPEN', 'RENDERING', 'READY', 'PURGING', 'PURGED'));
ALTER TABLE sessions ADD COLUMN purge_reason VARCHAR(32);
ALTER TABLE sessions ADD COLUMN purge_attempts INT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN purge_retry_at BIGINT;
ALTER TABLE sessions ADD COLUMN purged_objects BIGINT NOT NULL DEFAULT 0;

CREATE INDEX sessions_purge_retry_at ON sessions (purge_retry_at);
CREATE INDEX sessions_state_purging ON sessions (state);
