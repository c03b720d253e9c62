-- How each headshot was framed and what its self-check measured; which outputs of a photo were
-- skipped, and why (studio-grade framing).
ALTER TABLE headshots ADD COLUMN composition VARCHAR(32) DEFAULT 'head-and-shoulders' NOT NULL;
ALTER TABLE headshots ADD COLUMN checks VARCHAR(1000);
ALTER TABLE job_photos ADD COLUMN skipped VARCHAR(2000) DEFAULT '' NOT NULL;
