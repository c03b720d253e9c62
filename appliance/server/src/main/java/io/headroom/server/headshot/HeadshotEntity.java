package io.headroom.server.headshot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A finished headshot as recorded: where its sealed blob (and its cut-out's, if any) is and what it shows. */
@Entity
@Table(name = "HEADSHOTS")
public class HeadshotEntity implements io.headroom.server.db.SessionOwned {

    @Id
    @Column(name = "ID", length = 32)
    private String id;

    @Column(name = "SESSION_ID", nullable = false, length = 32)
    private String sessionId;

    @Column(name = "JOB_ID", nullable = false, length = 32)
    private String jobId;

    @Column(name = "PHOTO_ID", nullable = false, length = 32)
    private String photoId;

    @Column(name = "STYLE", nullable = false, length = 64)
    private String style;

    @Column(name = "ASPECT", nullable = false, length = 16)
    private String aspect;

    @Column(name = "BLOB_ID", nullable = false, length = 32)
    private String blobId;

    @Column(name = "WIDTH", nullable = false)
    private int width;

    @Column(name = "HEIGHT", nullable = false)
    private int height;

    @Column(name = "PADDED", nullable = false, length = 100)
    private String padded;

    @Column(name = "COMPOSITION", nullable = false, length = 32)
    private String composition;

    /** The self-check's figures as JSON (numbers and codes only). */
    @Column(name = "CHECKS", length = 1000)
    private String checks;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "IDENTITY_SIMILARITY")
    private Double identitySimilarity;

    @Column(name = "BYTES", nullable = false)
    private long bytes;

    /** The sealed blob of its cut-out (the person alone, PNG with alpha); null when it has none. */
    @Column(name = "CUTOUT_BLOB_ID", length = 32)
    private String cutoutBlobId;

    /** The cut-out's plaintext size, for the deletion receipt; 0 without one. */
    @Column(name = "CUTOUT_BYTES", nullable = false)
    private long cutoutBytes;

    /** The selfie perspective (estimated distance, assumed optics, correction) as JSON: numbers and codes only. */
    @Column(name = "PERSPECTIVE", length = 200)
    private String perspective;

    protected HeadshotEntity() {
        // for JPA
    }

    public HeadshotEntity(String id, String sessionId, String jobId, String photoId, String style, String aspect, String blobId,
                          int width, int height, List<String> padded, String composition, String checks, Double identitySimilarity,
                          long bytes, String cutoutBlobId, long cutoutBytes, String perspective, Instant createdAt) {
        this.perspective = perspective;
        this.cutoutBlobId = cutoutBlobId;
        this.cutoutBytes = cutoutBlobId == null ? 0 : cutoutBytes;
        this.composition = composition;
        this.checks = checks;
        this.bytes = bytes;
        this.id = id;
        this.sessionId = sessionId;
        this.jobId = jobId;
        this.photoId = photoId;
        this.style = style;
        this.aspect = aspect;
        this.blobId = blobId;
        this.width = width;
        this.height = height;
        this.padded = String.join(",", padded);
        this.identitySimilarity = identitySimilarity;
        this.createdAt = createdAt;
    }

    /** Similarity of the headshot's face to its source photo's, with the identity pack; null without it. */
    public Double identitySimilarity() {
        return identitySimilarity;
    }

    public String id() {
        return id;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    public String jobId() {
        return jobId;
    }

    public String photoId() {
        return photoId;
    }

    public String style() {
        return style;
    }

    public String aspect() {
        return aspect;
    }

    public String blobId() {
        return blobId;
    }

    /** The blob of its cut-out, or null when the job asked for none (or made none for it). */
    /** The sealed JPEG's plaintext size, and the cut-out's (0 without one), as the receipt counts them. */
    public long bytes() {
        return bytes;
    }

    public long cutoutBytes() {
        return cutoutBytes;
    }

    public String cutoutBlobId() {
        return cutoutBlobId;
    }

    public boolean hasCutout() {
        return cutoutBlobId != null;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public List<String> padded() {
        return padded.isEmpty() ? List.of() : Arrays.asList(padded.split(","));
    }

    /** The composition: {@code head-and-shoulders} (the style's own) or {@code closer}. */
    public String composition() {
        return composition;
    }

    /** The self-check's figures as JSON, or null for headshots made before the check existed. */
    public String checks() {
        return checks;
    }

    /** The selfie perspective as JSON, or null for headshots made before it was recorded. */
    public String perspective() {
        return perspective;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
