package io.headroom.framing;

/**
 * Headshot composition.
 *
 * @param eyeLine   where the eyes sit, as a fraction of the frame height from the top (default 0.42)
 * @param faceWidth how wide the face is, as a fraction of the frame width (default 0.42); the
 *                  face's width is taken as 2.5 × the distance between the eyes, which is steadier
 *                  than any detected box
 */
public record FramingRules(double eyeLine, double faceWidth) {

    public static final FramingRules DEFAULT = new FramingRules(0.42, 0.42);
    public static final double FACE_WIDTH_PER_EYE_DISTANCE = 2.5;

    public FramingRules {
        if (eyeLine <= 0.1 || eyeLine >= 0.9 || faceWidth <= 0.05 || faceWidth >= 1) {
            throw new IllegalArgumentException("eye line must be within 0.1–0.9 and face width within 0.05–1");
        }
    }
}
