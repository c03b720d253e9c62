package io.headroom.intake;

import java.util.List;

/**
 * A photo after intake: pixels only, upright, re-encoded; nothing of the original file's
 * metadata survives.
 *
 * @param format          what {@code encoded} is
 * @param removedMetadata what the original carried and intake removed, in plain words
 */
public record CleanedPhoto(StoredFormat format, int width, int height, byte[] encoded, List<String> removedMetadata) {

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
