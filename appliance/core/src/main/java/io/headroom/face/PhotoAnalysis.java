package io.headroom.face;

import java.util.List;
import java.util.Optional;

/**
 * What analysis found in one photo.
 *
 * @param face          the face to frame, in pixels of the original photo (empty when none)
 * @param faces         how many faces were found
 * @param reasons       why the photo cannot be used; empty when it can
 * @param sharpness     variance of the Laplacian over the face
 * @param exposure      the frame's exposure figures
 * @param quality       0–1, higher is better (see {@link FaceAnalysis#quality})
 * @param rotation      degrees the photo had to be turned for the face to be found (0 when upright)
 * @param landmarks     the face mesh in pixels of the photo (empty when not measured)
 * @param embedding     the face's descriptor, with the identity pack (in memory only; empty without it)
 */
public record PhotoAnalysis(Optional<Face> face, int faces, List<Verdict> reasons, double sharpness, Exposure exposure,
                            double quality, int rotation, Optional<FaceLandmarks> landmarks, Optional<Embedding> embedding) {

    public PhotoAnalysis {
        reasons = List.copyOf(reasons);
    }

    /** Pose and expression, when the landmarks were measured. */
    public Optional<Pose> pose() {
        return landmarks.map(FaceLandmarks::pose);
    }

    /** The same analysis of the photo scaled by {@code factor} (face and landmarks moved with it). */
    public PhotoAnalysis scaled(double factor) {
        return new PhotoAnalysis(face.map(f -> f.scaled(factor)), faces, reasons, sharpness, exposure, quality, rotation,
                landmarks.map(l -> l.scaled(factor)), embedding);
    }

    /** The same analysis ranked by {@code factor} times its quality. */
    public PhotoAnalysis ranked(double factor) {
        return new PhotoAnalysis(face, faces, reasons, sharpness, exposure, quality * factor, rotation, landmarks, embedding);
    }

    /** The same analysis with one more reason not to use the photo. */
    public PhotoAnalysis refused(Verdict verdict) {
        List<Verdict> more = new java.util.ArrayList<>(reasons);
        more.add(verdict);
        return new PhotoAnalysis(face, faces, more, sharpness, exposure, quality, rotation, landmarks, embedding);
    }

    public boolean usable() {
        return reasons.isEmpty() && face.isPresent();
    }
}
