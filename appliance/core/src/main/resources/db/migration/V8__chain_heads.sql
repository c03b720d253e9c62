-- The head of each hash chain (audit log, receipts). Appending locks its row until the
-- appending transaction commits, so concurrent appends queue instead of both taking the same
-- place in the chain.
CREATE TABLE chain_heads (
    name VARCHAR(16) NOT NULL PRIMARY KEY,
    seq  BIGINT      NOT NULL,
    hash CHAR(64)    NOT NULL
);

INSERT INTO chain_heads (name, seq, hash)
    SELECT 'audit', COALESCE(MAX(seq), 0), COALESCE((SELECT hash FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)),
           '0000000000000000000000000000000000000000000000000000000000000000') FROM audit_log;
INSERT INTO chain_heads (name, seq, hash)
    SELECT 'receipts', COALESCE(MAX(seq), 0), COALESCE((SELECT hash FROM receipts WHERE seq = (SELECT MAX(seq) FROM receipts)),
           '0000000000000000000000000000000000000000000000000000000000000000') FROM receipts;
