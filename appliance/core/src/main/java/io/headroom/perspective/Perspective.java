package io.headroom.perspective;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What was done to one headshot's selfie perspective, as recorded with it.
 *
 * @param distanceCm the estimated camera-to-eyes distance in whole centimetres; empty when no face
 *                   mesh was measured
 * @param assumedFov true when the photo said nothing of its optics and a phone's front camera was
 *                   assumed ({@link FieldOfView#assumed})
 * @param correction how much smaller the nose tip is drawn relative to the eyes' plane after the
 *                   correction than before, as a fraction (0.12: 12 % smaller); 0 when the photo was
 *                   not changed; never above {@link SelfiePerspective#MAX_CORRECTION}
 * @param skipped    why nothing was corrected, when nothing was: {@code far} (nothing to correct),
 *                   {@code turned} (head turned or tilted), {@code unsure} (face mesh not confident),
 *                   {@code lens-unknown} (no lens in the photo and the face not clearly a close
 *                   selfie's: it may be a crop of a photo taken from further away),
 *                   {@code style} (the style turns it off), {@code no-mesh}
 */
public record Perspective(OptionalInt distanceCm, boolean assumedFov, double correction, Optional<String> skipped) {

    public Perspective {
        if (correction < 0 || correction > SelfiePerspective.MAX_CORRECTION + 1e-9) {
            throw new IllegalArgumentException("a correction is 0 to " + SelfiePerspective.MAX_CORRECTION);
        }
        if ((correction == 0) == skipped.isEmpty()) {
            throw new IllegalArgumentException("a photo is either corrected or skipped with a reason");
        }
    }

    /** Nothing done, for {@code reason}. */
    public static Perspective skipped(OptionalInt distanceCm, boolean assumedFov, String reason) {
        return new Perspective(distanceCm, assumedFov, 0, Optional.of(reason));
    }

    public boolean corrected() {
        return correction > 0;
    }
}
