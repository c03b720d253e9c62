-- Delete sooner, told honestly: when a session's data key is wrapped anew under an earlier key
-- epoch, the copy wrapped under the epoch before stays in the database's superseded pages and in
-- every copy of the data directory made before the change, until that epoch ends. The first
-- epoch the key was wrapped under (the latest: deadlines only move earlier) and when it was last
-- wrapped anew are kept for the session's receipt.
ALTER TABLE sessions ADD COLUMN earlier_key_epoch BIGINT;
ALTER TABLE sessions ADD COLUMN key_rewrapped_at BIGINT;
