package io.headroom.framing;

/**
 * Headshot composition and its limits.
 *
 * @param eyeLine      where the eyes sit, as a fraction of the frame height from the top (default 0.42)
 * @param faceWidth    how wide the face is, as a fraction of the frame width (default 0.42); the
 *                     face's width is taken as 2.5 × the distance between the eyes, which is steadier
 *                     than any detected box
 * @param closestFaceWidth the largest face width a closer composition may use when the photo does
 *                     not reach far enough below or beside the person for {@code faceWidth}
 *                     (default 0.75: a close-up whose face spans three quarters of the frame)
 */
public record FramingRules(double eyeLine, double faceWidth, double closestFaceWidth) {

    public static final FramingRules DEFAULT = new FramingRules(0.42, 0.42);
    public static final double FACE_WIDTH_PER_EYE_DISTANCE = 2.5;
    /** The default {@link #closestFaceWidth()}. */
    public static final double CLOSEST_FACE_WIDTH = 0.75;
    /** How much lower the eye line may go in the closest composition (a close-up keeps room above the hair). */
    static final double EYE_LINE_DROP = 0.05;
    static final double LOWEST_EYE_LINE = 0.48;

    public FramingRules {
        if (eyeLine <= 0.1 || eyeLine >= 0.9 || faceWidth <= 0.05 || faceWidth >= 1) {
            throw new IllegalArgumentException("eye line must be within 0.1–0.9 and face width within 0.05–1");
        }
        if (closestFaceWidth < faceWidth || closestFaceWidth >= 1) {
            throw new IllegalArgumentException("the closest face width must lie between the face width and 1");
        }
    }

    /** With the default limit for closer compositions. */
    public FramingRules(double eyeLine, double faceWidth) {
        this(eyeLine, faceWidth, Math.max(faceWidth, CLOSEST_FACE_WIDTH));
    }

    /**
     * The compositions to try, the style's own first, then closer ones in small steps up to the
     * closest: face larger, eye line a little lower.
     */
    java.util.List<Composition> candidates() {
        java.util.List<Composition> out = new java.util.ArrayList<>();
        out.add(Composition.of(this));
        int steps = 12;
        double drop = Math.max(0, Math.min(EYE_LINE_DROP, LOWEST_EYE_LINE - eyeLine));
        if (closestFaceWidth > faceWidth) {
            for (int i = 1; i <= steps; i++) {
                double t = (double) i / steps;
                out.add(new Composition(Composition.CLOSER, eyeLine + t * drop, faceWidth + t * (closestFaceWidth - faceWidth)));
            }
        }
        return out;
    }
}
