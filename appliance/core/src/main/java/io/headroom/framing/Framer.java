package io.headroom.framing;

import io.headroom.face.Face;
import io.headroom.face.Point;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Frames a headshot: turns the photo so the eyes are level, scales it so the face takes the
 * composition's share of the width, and places the eye line at its height with the face centred.
 *
 * <p>The composition is the style's own when the photo fills it; otherwise the first closer one
 * that it fills ({@link #compose}). "Fills" means that wherever the person can be along the
 * frame's edges (below the chin: everywhere; beside and above the head: within the head's
 * reach), the frame lies inside the photo, so no headshot shows the person ending in a straight
 * line where the photo ended. Beyond the head the frame may reach past the photo: the backdrop
 * shows there.
 *
 * <p>It reads only the region of the photo the frame covers, subsampled so that the working copy
 * is at most twice the output size: memory per headshot stays small whatever the photo's size.
 * Where the photo does not reach, the frame is filled by extending the photo's edges and
 * softening them (not with black bars), and the result says so.
 */
public final class Framer {

    /** Samples along each edge of the frame when checking that the photo fills it. */
    private static final int EDGE_SAMPLES = 48;

    private final FramingRules rules;

    public Framer(FramingRules rules) {
        this.rules = rules;
    }

    /**
     * The first composition, the style's own first and then closer ones, that a photo of this
     * size fills around this face; empty when even the closest does not (the photo is too close to
     * the face for this aspect).
     */
    public Optional<Composition> compose(int sourceWidth, int sourceHeight, Face face, Aspect aspect) {
        for (Composition c : candidates(face)) {
            if (fills(c, sourceWidth, sourceHeight, face, aspect)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * How close a composition this photo needs around this face: 0 when it fills the style's own,
     * up to 1 for the closest; empty when it fills none.
     */
    public java.util.OptionalDouble closeness(int sourceWidth, int sourceHeight, Face face, Aspect aspect) {
        List<Composition> all = candidates(face);
        for (int i = 0; i < all.size(); i++) {
            if (fills(all.get(i), sourceWidth, sourceHeight, face, aspect)) {
                return java.util.OptionalDouble.of(all.size() == 1 ? 0 : (double) i / (all.size() - 1));
            }
        }
        return java.util.OptionalDouble.empty();
    }

    /**
     * Frames with the composition {@link #compose} finds, or the closest one (with edges extended
     * where the photo does not reach) when none fills the frame.
     */
    public Framed frame(ImageRegionSource source, Face face, Aspect aspect) {
        List<Composition> all = candidates(face);
        Composition c = compose(source.width(), source.height(), face, aspect).orElse(all.get(all.size() - 1));
        return frame(source, face, aspect, c);
    }

    /**
     * The rules' candidates with level eyes, then, for a tilted head, the same keeping 5° and then
     * up to {@link Composition#MAX_TILT} of its tilt: a rotated frame swings its corners out of the
     * photo, a less rotated one stays inside. Level eyes at a closer crop come before any tilt.
     */
    private List<Composition> candidates(Face face) {
        double roll = face.rollDegrees();
        List<Composition> level = rules.candidates();
        List<Composition> out = new ArrayList<>(level);
        double kept = 0;
        for (double keep : new double[] {5, Composition.MAX_TILT}) {
            double tilt = Math.min(Math.abs(roll), keep);
            if (tilt > kept + 0.5) {
                level.forEach(c -> out.add(c.tilted(Math.signum(roll) * tilt)));
                kept = tilt;
            }
        }
        return out;
    }

    /** Frames with the composition given. */
    public Framed frame(ImageRegionSource source, Face face, Aspect aspect, Composition composition) {
        int outW = aspect.width();
        int outH = aspect.height();
        double scale = scale(composition, face, aspect);
        AffineTransform toOutput = toOutput(composition, face, aspect);
        AffineTransform toSource = inverse(toOutput);

        Rectangle needed = footprint(toSource, outW, outH).intersection(new Rectangle(0, 0, source.width(), source.height()));
        if (needed.isEmpty()) {
            throw new IllegalArgumentException("the face lies outside the photo");
        }
        int subsampling = Math.max(1, (int) Math.floor(1 / (2 * scale)));
        BufferedImage crop = source.read(needed, subsampling);

        // From output pixels to crop pixels.
        AffineTransform toCrop = new AffineTransform();
        toCrop.scale(1.0 / subsampling, 1.0 / subsampling);
        toCrop.translate(-needed.x, -needed.y);
        toCrop.concatenate(toSource);

        List<String> padded = new ArrayList<>();
        byte[] beyond = new byte[outW * outH];
        BufferedImage out = render(crop, toCrop, outW, outH, source, toSource, padded, beyond);
        return new Framed(aspect, out, mapped(face, toOutput, scale), composition, padded,
                padded.isEmpty() ? null : coverage(beyond, outW, outH), padded.isEmpty() ? null : beyond);
    }

    private static double scale(Composition c, Face face, Aspect aspect) {
        double faceWidth = FramingRules.FACE_WIDTH_PER_EYE_DISTANCE * face.interEyeDistance();
        return c.faceWidth() * aspect.width() / faceWidth; // output pixels per source pixel
    }

    private static AffineTransform toOutput(Composition c, Face face, Aspect aspect) {
        Point eyes = face.eyeCentre();
        // output = translate(eye target) · scale · rotate(-roll) · translate(-eyes) · source
        AffineTransform t = new AffineTransform();
        t.translate(aspect.width() / 2.0, c.eyeLine() * aspect.height());
        double scale = scale(c, face, aspect);
        t.scale(scale, scale);
        t.rotate(Math.toRadians(-(face.rollDegrees() - c.tilt())));
        t.translate(-eyes.x(), -eyes.y());
        return t;
    }

    /**
     * Whether every point of the frame's edges where the person can be maps inside the photo.
     * The person's reach, in output pixels, with f the face's width: the head is an ellipse about
     * the eyes (hair included) 1.3 f wide and 1.7 f tall, centred 0.1 f below the eye line; from
     * 0.5 f below the eye line down, the neck and shoulders can be anywhere across the frame.
     */
    static boolean fills(Composition c, int sourceWidth, int sourceHeight, Face face, Aspect aspect) {
        Reach reach = new Reach(c, face, aspect);
        for (double[] p : edgePoints(aspect)) {
            if ((reach.below(p) || reach.head(p)) && !reach.inPhoto(p, sourceWidth, sourceHeight)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The composition whose frame needs the least of the person continued past the photo
     * ({@link ClothingExtension}) while the whole head down to below the chin, hair included,
     * lies inside the photo;
     * empty when no candidate keeps the head inside or each would need more than
     * {@link #MAX_EXTENDED} of the frame continued. Called when {@link #compose} finds none.
     */
    public Optional<Composition> extendable(int sourceWidth, int sourceHeight, Face face, Aspect aspect) {
        Composition best = null;
        double least = MAX_EXTENDED;
        for (Composition c : candidates(face)) {
            Reach reach = new Reach(c, face, aspect);
            if (!headInside(reach, sourceWidth, sourceHeight, aspect)) {
                continue;
            }
            double missing = missingBelow(reach, sourceWidth, sourceHeight, aspect);
            if (missing <= least) {
                // Ties keep the earlier candidate: the style's own, level eyes, before closer or tilted ones.
                if (best == null || missing < least - 1e-9) {
                    best = c;
                    least = missing;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The most of a frame's area that may be the person continued past the photo: a strip along
     * the edge, where continued clothing reads as the photo's own; deeper synthesis streaks.
     */
    public static final double MAX_EXTENDED = 0.05;

    private static boolean headInside(Reach reach, int sourceWidth, int sourceHeight, Aspect aspect) {
        // The head ellipse clipped to the frame is convex, and so is the photo's outline: it is
        // inside when its outline is, that is the ellipse's arc within the frame and the frame's
        // edges within the ellipse.
        for (int i = 0; i < 4 * EDGE_SAMPLES; i++) {
            double a = 2 * Math.PI * i / (4 * EDGE_SAMPLES);
            double[] p = reach.onHead(a);
            if (p[0] >= 0 && p[1] >= 0 && p[0] <= aspect.width() && p[1] <= aspect.height() && reach.aboveChin(p)
                    && !reach.inPhoto(p, sourceWidth, sourceHeight)) {
                return false;
            }
        }
        for (double[] p : edgePoints(aspect)) {
            if (reach.head(p) && reach.aboveChin(p) && !reach.inPhoto(p, sourceWidth, sourceHeight)) {
                return false;
            }
        }
        return true;
    }

    /** The share of the frame, sampled on a grid, below the neck and past the photo's edges. */
    private static double missingBelow(Reach reach, int sourceWidth, int sourceHeight, Aspect aspect) {
        int n = 2 * EDGE_SAMPLES;
        int missing = 0;
        double[] p = new double[2];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                p[0] = (i + 0.5) * aspect.width() / n;
                p[1] = (j + 0.5) * aspect.height() / n;
                if (reach.below(p) && !reach.inPhoto(p, sourceWidth, sourceHeight)) {
                    missing++;
                }
            }
        }
        return (double) missing / (n * n);
    }

    private static List<double[]> edgePoints(Aspect aspect) {
        int w = aspect.width();
        int h = aspect.height();
        List<double[]> out = new ArrayList<>(4 * (EDGE_SAMPLES + 1));
        for (int i = 0; i <= EDGE_SAMPLES; i++) {
            double t = (double) i / EDGE_SAMPLES;
            out.add(new double[] {t * w, 0});
            out.add(new double[] {t * w, h});
            out.add(new double[] {0, t * h});
            out.add(new double[] {w, t * h});
        }
        return out;
    }

    /** Where the person can be in one composition's frame, in output pixels (see {@link #fills}). */
    private static final class Reach {
        private final AffineTransform toSource;
        private final double f;
        private final double eyeY;
        private final double centreX;
        private final double[] q = new double[2];

        Reach(Composition c, Face face, Aspect aspect) {
            this.toSource = inverse(toOutput(c, face, aspect));
            this.f = c.faceWidth() * aspect.width();
            this.eyeY = c.eyeLine() * aspect.height();
            this.centreX = aspect.width() / 2.0;
        }

        /** Below the neck's start: the person may be anywhere across the frame. */
        boolean below(double[] p) {
            return p[1] >= neckY();
        }

        double neckY() {
            return eyeY + 0.5 * f;
        }

        /**
         * Above a line a little below the chin (the chin lies about 0.65 f below the eyes, f being
         * 2.5 eye distances): what must come from the photo; below it, neck and clothing.
         */
        boolean aboveChin(double[] p) {
            return p[1] <= eyeY + 0.8 * f;
        }

        boolean head(double[] p) {
            double dx = (p[0] - centreX) / (0.65 * f);
            double dy = (p[1] - (eyeY + 0.1 * f)) / (0.85 * f);
            return dx * dx + dy * dy <= 1;
        }

        double[] onHead(double angle) {
            return new double[] {centreX + 0.65 * f * Math.cos(angle), eyeY + 0.1 * f + 0.85 * f * Math.sin(angle)};
        }

        boolean inPhoto(double[] p, int sourceWidth, int sourceHeight) {
            double tolerance = 1.0; // source pixels: clamped sampling over one pixel does not show
            toSource.transform(p, 0, q, 0, 1);
            return q[0] >= -tolerance && q[1] >= -tolerance && q[0] <= sourceWidth + tolerance && q[1] <= sourceHeight + tolerance;
        }
    }

    /** The face moved into the headshot: keypoints exactly, the box about its mapped centre. */
    private static Face mapped(Face face, AffineTransform toOutput, double scale) {
        List<Point> keypoints = face.keypoints().stream().map(p -> {
            Point2D q = toOutput.transform(new Point2D.Double(p.x(), p.y()), null);
            return new Point(q.getX(), q.getY());
        }).toList();
        Point2D c = toOutput.transform(new Point2D.Double(face.x() + face.width() / 2, face.y() + face.height() / 2), null);
        double w = face.width() * scale;
        double h = face.height() * scale;
        return new Face(face.score(), c.getX() - w / 2, c.getY() - h / 2, w, h, keypoints);
    }

    private static BufferedImage render(BufferedImage crop, AffineTransform toCrop, int outW, int outH,
                                        ImageRegionSource source, AffineTransform toSource, List<String> padded, byte[] beyond) {
        int cw = crop.getWidth();
        int ch = crop.getHeight();
        int[] src = crop.getRGB(0, 0, cw, ch, null, 0, cw);
        int[] dst = new int[outW * outH];
        boolean top = false;
        boolean bottom = false;
        boolean left = false;
        boolean right = false;
        double[] p = new double[2];
        double[] s = new double[2];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                p[0] = x + 0.5;
                p[1] = y + 0.5;
                toSource.transform(p, 0, s, 0, 1);
                int b = (s[1] < 0 ? Framed.TOP : 0) | (s[1] >= source.height() ? Framed.BOTTOM : 0)
                        | (s[0] < 0 ? Framed.LEFT : 0) | (s[0] >= source.width() ? Framed.RIGHT : 0);
                if (b != 0) {
                    beyond[y * outW + x] = (byte) b;
                    top |= (b & Framed.TOP) != 0;
                    bottom |= (b & Framed.BOTTOM) != 0;
                    left |= (b & Framed.LEFT) != 0;
                    right |= (b & Framed.RIGHT) != 0;
                }
                toCrop.transform(p, 0, s, 0, 1);
                dst[y * outW + x] = io.headroom.raster.Bilinear.rgb(src, cw, ch, s[0] - 0.5, s[1] - 0.5);
            }
        }
        if (top) {
            padded.add("top");
        }
        if (bottom) {
            padded.add("bottom");
        }
        if (left) {
            padded.add("left");
        }
        if (right) {
            padded.add("right");
        }
        if (!padded.isEmpty()) {
            softenPadding(dst, beyond, outW, outH);
        }
        BufferedImage image = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, outW, outH, dst, 0, outW);
        return image;
    }

    /** 1 where the photo is, 0 where its edges were extended, blended over a few pixels. */
    private static float[] coverage(byte[] beyond, int w, int h) {
        int[] packed = new int[beyond.length];
        for (int i = 0; i < beyond.length; i++) {
            packed[i] = beyond[i] != 0 ? 0 : 0xFFFFFF;
        }
        int[] soft = BoxBlur.blur(packed, w, h, Math.max(2, Math.min(w, h) / 100));
        float[] c = new float[beyond.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = beyond[i] != 0 ? 0f : (soft[i] & 0xFF) / 255f;
        }
        return c;
    }

    /**
     * The padded area holds the photo's edge pixels stretched outwards (clamped sampling); blur it
     * so it reads as an out-of-focus continuation of the background rather than streaks.
     */
    private static void softenPadding(int[] dst, byte[] beyond, int w, int h) {
        int radius = Math.max(8, Math.min(w, h) / 12);
        int[] blurred = BoxBlur.blur(dst, w, h, radius);
        blurred = BoxBlur.blur(blurred, w, h, radius);
        for (int i = 0; i < dst.length; i++) {
            if (beyond[i] != 0) {
                dst[i] = blurred[i];
            }
        }
    }

    private static Rectangle footprint(AffineTransform toSource, int w, int h) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] c : new double[][] {{0, 0}, {w, 0}, {0, h}, {w, h}}) {
            Point2D q = toSource.transform(new Point2D.Double(c[0], c[1]), null);
            minX = Math.min(minX, q.getX());
            minY = Math.min(minY, q.getY());
            maxX = Math.max(maxX, q.getX());
            maxY = Math.max(maxY, q.getY());
        }
        int x = (int) Math.floor(minX) - 2;
        int y = (int) Math.floor(minY) - 2;
        return new Rectangle(x, y, (int) Math.ceil(maxX) + 2 - x, (int) Math.ceil(maxY) + 2 - y);
    }

    private static AffineTransform inverse(AffineTransform t) {
        try {
            return t.createInverse();
        } catch (NoninvertibleTransformException e) {
            throw new IllegalArgumentException("degenerate face geometry", e);
        }
    }
}
