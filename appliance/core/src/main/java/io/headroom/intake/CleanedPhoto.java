package io.headroom.intake;

import io.headroom.perspective.FieldOfView;
import java.util.List;
import java.util.Optional;

/**
 * A photo after intake: pixels only, upright, re-encoded; nothing of the original file's
 * metadata survives.
 *
 * @param format          what {@code encoded} is
 * @param removedMetadata what the original carried and intake removed, in plain words
 * @param fieldOfView     the camera's field of view across the upright photo, rounded to 5°, when
 *                        the original's EXIF gave its focal length (the one figure intake keeps
 *                        of the camera, for the selfie perspective); empty otherwise
 */
public record CleanedPhoto(StoredFormat format, int width, int height, byte[] encoded, List<String> removedMetadata,
                           Optional<FieldOfView> fieldOfView) {

    /** The field of view to work with: the photo's own, else a phone's front camera, marked as assumed. */
    public FieldOfView opticsOrAssumed() {
        return fieldOfView.orElseGet(() -> FieldOfView.assumed(width, height));
    }

    /** How cleaned photos are stored: JPEG for opaque photos, PNG when there is transparency. */
    public enum StoredFormat {
        JPEG("image/jpeg"),
        PNG("image/png");

        private final String mediaType;

        StoredFormat(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /** Overwrites the encoded bytes once they are sealed, so no clear copy lingers on the heap. */
    public void wipe() {
        java.util.Arrays.fill(encoded, (byte) 0);
    }
}
