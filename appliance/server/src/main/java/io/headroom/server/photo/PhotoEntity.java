package io.headroom.server.photo;

import io.headroom.perspective.FieldOfView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A cleaned photo as recorded: where its sealed blob is and what it is. No file name, no
 * metadata values: only which kinds of metadata intake removed, and the one figure it derived from
 * the camera's, the field of view rounded to 5° (for the selfie perspective), gone with the row.
 */
@Entity
@Table(name = "PHOTOS")
public class PhotoEntity implements io.headroom.server.db.SessionOwned {

    private static final String SEPARATOR = "|";

    @Id
    @Column(name = "ID", length = 32)
    private String id;

    @Column(name = "SESSION_ID", nullable = false, length = 32)
    private String sessionId;

    @Column(name = "BLOB_ID", nullable = false, length = 32)
    private String blobId;

    @Column(name = "MEDIA_TYPE", nullable = false, length = 32)
    private String mediaType;

    @Column(name = "WIDTH", nullable = false)
    private int width;

    @Column(name = "HEIGHT", nullable = false)
    private int height;

    @Column(name = "REMOVED_METADATA", nullable = false, length = 1000)
    private String removedMetadata;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "BYTES", nullable = false)
    private long bytes;

    /** The camera's horizontal field of view in degrees, rounded to 5°, when the photo gave its focal length; null otherwise. */
    @Column(name = "FIELD_OF_VIEW")
    private Integer fieldOfView;

    protected PhotoEntity() {
        // for JPA
    }

    PhotoEntity(String id, String sessionId, String blobId, String mediaType, int width, int height,
                List<String> removedMetadata, Integer fieldOfView, long bytes, Instant createdAt) {
        this.fieldOfView = fieldOfView;
        this.bytes = bytes;
        this.id = id;
        this.sessionId = sessionId;
        this.blobId = blobId;
        this.mediaType = mediaType;
        this.width = width;
        this.height = height;
        this.removedMetadata = String.join(SEPARATOR, removedMetadata);
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    String blobId() {
        return blobId;
    }

    /** The stored (cleaned) photo's size, as the receipt counts it. */
    public long bytes() {
        return bytes;
    }

    public String mediaType() {
        return mediaType;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public List<String> removedMetadata() {
        return removedMetadata.isEmpty() ? List.of() : Arrays.asList(removedMetadata.split("\\" + SEPARATOR));
    }

    /** The photo's own field of view, when it gave one; empty when a phone's front camera is to be assumed. */
    public Optional<FieldOfView> fieldOfView() {
        return Optional.ofNullable(fieldOfView).map(d -> new FieldOfView(d, false));
    }

    public Instant createdAt() {
        return createdAt;
    }
}
