package io.headroom.server.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** What a job found in one photo: usable or not and why, its quality, whether it was chosen. */
@Entity
@Table(name = "JOB_PHOTOS")
@IdClass(JobPhotoEntity.Key.class)
public class JobPhotoEntity {

    /** Composite key: job and photo. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String jobId;
        String photoId;

        public Key() {
        }

        Key(String jobId, String photoId) {
            this.jobId = jobId;
            this.photoId = photoId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(jobId, k.jobId) && Objects.equals(photoId, k.photoId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, photoId);
        }
    }

    @Id
    @Column(name = "JOB_ID", length = 32)
    private String jobId;

    @Id
    @Column(name = "PHOTO_ID", length = 32)
    private String photoId;

    @Column(name = "USABLE", nullable = false)
    private boolean usable;

    @Column(name = "REASONS", nullable = false, length = 1000)
    private String reasons;

    @Column(name = "QUALITY", nullable = false)
    private double quality;

    /** Outputs this photo gave no headshot for: {@code style aspect code} entries joined by ";". */
    @Column(name = "SKIPPED", nullable = false, length = 2000)
    private String skipped = "";

    @Column(name = "SELECTED", nullable = false)
    private boolean selected;

    protected JobPhotoEntity() {
        // for JPA
    }

    JobPhotoEntity(String jobId, String photoId, boolean usable, List<String> reasonCodes, double quality) {
        this.jobId = jobId;
        this.photoId = photoId;
        this.usable = usable;
        this.reasons = String.join(",", reasonCodes);
        this.quality = quality;
    }

    String jobId() {
        return jobId;
    }

    String photoId() {
        return photoId;
    }

    boolean usable() {
        return usable;
    }

    List<String> reasonCodes() {
        return reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(","));
    }

    double quality() {
        return quality;
    }

    boolean selected() {
        return selected;
    }

    List<SkippedOutput> skipped() {
        return skipped.isEmpty() ? List.of() : Arrays.stream(skipped.split(";")).map(SkippedOutput::parse).toList();
    }

    void skip(List<SkippedOutput> outputs) {
        List<String> all = new java.util.ArrayList<>(skipped.isEmpty() ? List.of() : Arrays.asList(skipped.split(";")));
        outputs.forEach(o -> all.add(o.format()));
        skipped = String.join(";", all);
    }

    void select() {
        selected = true;
    }
}
