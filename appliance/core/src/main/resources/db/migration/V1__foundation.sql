-- Foundation schema: anonymous sessions, operators, their sign-in tokens, invitations.
-- Times are epoch milliseconds (UTC). Tokens and codes are stored only as HMAC-SHA-256 hex.

CREATE TABLE operators (
    id              VARCHAR(32)  NOT NULL PRIMARY KEY,
    name            VARCHAR(64)  NOT NULL UNIQUE,
    role            VARCHAR(16)  NOT NULL,
    password_hash   VARCHAR(200) NOT NULL,
    failed_attempts INT          NOT NULL DEFAULT 0,
    locked_until    BIGINT,
    created_at      BIGINT       NOT NULL,
    last_sign_in_at BIGINT,
    CONSTRAINT operators_role CHECK (role IN ('operator', 'admin'))
);

CREATE TABLE operator_tokens (
    token_hash  CHAR(64)    NOT NULL PRIMARY KEY,
    operator_id VARCHAR(32) NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
    created_at  BIGINT      NOT NULL,
    expires_at  BIGINT      NOT NULL
);

CREATE TABLE invitations (
    id         VARCHAR(32) NOT NULL PRIMARY KEY,
    code_hash  CHAR(64)    NOT NULL UNIQUE,
    created_by VARCHAR(32) NOT NULL REFERENCES operators (id),
    created_at BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL,
    used_at    BIGINT
);

CREATE TABLE sessions (
    id             VARCHAR(32) NOT NULL PRIMARY KEY,
    token_hash     CHAR(64)    NOT NULL UNIQUE,
    state          VARCHAR(16) NOT NULL,
    created_at     BIGINT      NOT NULL,
    deletes_at     BIGINT      NOT NULL,
    consent_at     BIGINT      NOT NULL,
    policy_version VARCHAR(64) NOT NULL,
    receipt_id     VARCHAR(32) NOT NULL UNIQUE,
    invitation_id  VARCHAR(32) REFERENCES invitations (id),
    CONSTRAINT sessions_state CHECK (state IN ('OPEN', 'RENDERING', 'READY', 'PURGED'))
);

CREATE INDEX sessions_deletes_at ON sessions (deletes_at);
CREATE INDEX operator_tokens_expires_at ON operator_tokens (expires_at);
