package io.headroom.server.photo;

import java.time.Instant;
import java.util.List;

/** Photo rows as {@link UploadPhotos} records them, for the unit tests of other features' use cases. */
public final class TestPhotos {

    private TestPhotos() {
    }

    /** A 640×480 JPEG of {@code bytes} bytes, stored as {@code blobId}, without a field of view. */
    public static PhotoEntity photo(String id, String sessionId, String blobId, long bytes, Instant createdAt) {
        return new PhotoEntity(id, sessionId, blobId, "image/jpeg", 640, 480, List.of(), null, bytes, createdAt);
    }

    /** The photo service over these rows and objects. */
    public static PhotoService service(PhotoRepository rows, io.headroom.server.vault.SealedBlobs sealed) {
        PhotoService service = new PhotoService();
        service.photos = rows;
        service.sealed = sealed;
        return service;
    }

    public static String blobIdOf(PhotoEntity photo) {
        return photo.blobId();
    }
}
