package io.headroom.framing;

/**
 * Where the face sits in one headshot: the style's own head-and-shoulders composition, or a closer
 * one (face larger, eye line a little lower) chosen because the photo ends too soon below or
 * beside the person for the style's own.
 *
 * @param name      {@link #STYLE} or {@link #CLOSER}
 * @param eyeLine   the eye line, as a fraction of the frame height from the top
 * @param faceWidth the face's width, as a fraction of the frame width
 * @param tilt      degrees of the head's own tilt kept in the headshot (0: eyes level); a slight
 *                  tilt is a pose, and keeping a few degrees of a strongly tilted selfie's lets a
 *                  closer frame stay inside the photo
 */
public record Composition(String name, double eyeLine, double faceWidth, double tilt) {

    /** The style's own composition. */
    public static final String STYLE = "head-and-shoulders";
    /** Closer than the style's own, within its limits. */
    public static final String CLOSER = "closer";

    /** The most tilt a composition keeps. */
    public static final double MAX_TILT = 10;

    public Composition {
        if (!STYLE.equals(name) && !CLOSER.equals(name)) {
            throw new IllegalArgumentException("a composition is '" + STYLE + "' or '" + CLOSER + "'");
        }
        if (Math.abs(tilt) > MAX_TILT) {
            throw new IllegalArgumentException("a composition keeps at most " + MAX_TILT + "° of tilt");
        }
    }

    /** Level eyes. */
    public Composition(String name, double eyeLine, double faceWidth) {
        this(name, eyeLine, faceWidth, 0);
    }

    /** The same, keeping {@code tilt} degrees of the head's tilt. */
    Composition tilted(double tilt) {
        return new Composition(name, eyeLine, faceWidth, tilt);
    }

    /** The style's own composition of these rules. */
    public static Composition of(FramingRules rules) {
        return new Composition(STYLE, rules.eyeLine(), rules.faceWidth());
    }
}
