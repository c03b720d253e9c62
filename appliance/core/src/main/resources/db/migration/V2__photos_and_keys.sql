-- Photos and the keys that seal them.
-- A session's data key is stored only wrapped by a key-encryption key from the keys directory.
-- storage_prefix is the random first segment of every storage key of the session's blobs, kept
-- on the session so that a deletion interrupted after the key was destroyed can still finish.

ALTER TABLE sessions ADD COLUMN storage_prefix VARCHAR(32);

CREATE TABLE session_keys (
    session_id  VARCHAR(32)   NOT NULL PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    key_id      VARCHAR(32)   NOT NULL UNIQUE,
    kek_id      VARCHAR(64)   NOT NULL,
    wrapped_key VARBINARY(64) NOT NULL,
    created_at  BIGINT        NOT NULL
);

CREATE TABLE photos (
    id               VARCHAR(32)   NOT NULL PRIMARY KEY,
    session_id       VARCHAR(32)   NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    blob_id          VARCHAR(32)   NOT NULL UNIQUE,
    media_type       VARCHAR(32)   NOT NULL,
    width            INT           NOT NULL,
    height           INT           NOT NULL,
    removed_metadata VARCHAR(1000) NOT NULL,
    created_at       BIGINT        NOT NULL
);

CREATE INDEX photos_session ON photos (session_id, created_at);
