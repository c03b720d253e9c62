-- Selfie perspective: the one figure intake keeps of a photo's camera (its horizontal field of
-- view, rounded to 5°; null when the photo did not give its focal length), deleted with the photo's
-- row; and per headshot the estimated camera distance and the correction applied, as JSON
-- (numbers and codes only).
ALTER TABLE photos ADD COLUMN field_of_view INT;
ALTER TABLE headshots ADD COLUMN perspective VARCHAR(200);
