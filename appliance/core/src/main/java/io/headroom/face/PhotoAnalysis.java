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
 * @param yaw           left–right turn of the head in degrees from the landmarks (NaN when not measured)
 * @param eyeOpenness   lid gap over eye width from the landmarks (NaN when not measured)
 */
public record PhotoAnalysis(Optional<Face> face, int faces, List<Verdict> reasons, double sharpness, Exposure exposure,
                            double quality, int rotation, double yaw, double eyeOpenness) {

    public PhotoAnalysis {
        reasons = List.copyOf(reasons);
    }

    public boolean usable() {
        return reasons.isEmpty() && face.isPresent();
    }
}
