-- Jobs that turn a session's photos into headshots, their per-photo verdicts, and the results.

CREATE TABLE jobs (
    id          VARCHAR(32)   NOT NULL PRIMARY KEY,
    session_id  VARCHAR(32)   NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    state       VARCHAR(16)   NOT NULL,
    styles      VARCHAR(500)  NOT NULL,
    photo_ids   VARCHAR(2000),
    progress    INT           NOT NULL DEFAULT 0,
    problem     VARCHAR(64),
    created_at  BIGINT        NOT NULL,
    started_at  BIGINT,
    finished_at BIGINT,
    CONSTRAINT jobs_state CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'))
);

CREATE INDEX jobs_state ON jobs (state, created_at);
CREATE INDEX jobs_session ON jobs (session_id);

CREATE TABLE job_photos (
    job_id    VARCHAR(32)   NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    photo_id  VARCHAR(32)   NOT NULL,
    usable    BOOLEAN       NOT NULL,
    reasons   VARCHAR(1000) NOT NULL,
    quality   DOUBLE        NOT NULL,
    selected  BOOLEAN       NOT NULL,
    PRIMARY KEY (job_id, photo_id)
);

CREATE TABLE headshots (
    id         VARCHAR(32)  NOT NULL PRIMARY KEY,
    session_id VARCHAR(32)  NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    job_id     VARCHAR(32)  NOT NULL,
    photo_id   VARCHAR(32)  NOT NULL,
    style      VARCHAR(64)  NOT NULL,
    aspect     VARCHAR(16)  NOT NULL,
    blob_id    VARCHAR(32)  NOT NULL UNIQUE,
    width      INT          NOT NULL,
    height     INT          NOT NULL,
    padded     VARCHAR(100) NOT NULL,
    created_at BIGINT       NOT NULL
);

CREATE INDEX headshots_session ON headshots (session_id, created_at);
