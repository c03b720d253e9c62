-- With the optional identity pack: how close each headshot's face stays to its source photo's
-- (cosine similarity of face descriptors; the descriptors themselves are never stored).
ALTER TABLE headshots ADD COLUMN identity_similarity DOUBLE PRECISION;
