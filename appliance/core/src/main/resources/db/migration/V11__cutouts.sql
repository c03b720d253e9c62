-- The cut-out deliverable: whether a job makes one per headshot, and each headshot's sealed PNG of
-- the person alone (null: none), stored, given its deadline and purged like the headshot itself.
-- cutout_bytes: its plaintext size, for the deletion receipt.
ALTER TABLE jobs ADD COLUMN cutout BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE headshots ADD COLUMN cutout_blob_id VARCHAR(32);
ALTER TABLE headshots ADD COLUMN cutout_bytes BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE headshots ADD CONSTRAINT headshots_cutout_blob UNIQUE (cutout_blob_id);
