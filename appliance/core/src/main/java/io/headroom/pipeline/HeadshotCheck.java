package io.headroom.pipeline;

import io.headroom.face.Face;
import io.headroom.face.Sharpness;
import io.headroom.framing.Composition;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The check every headshot passes before it is delivered: the person runs out of the bottom of
 * the frame (no floating bust, no strip of backdrop under it), nowhere does the person end in a
 * straight line where the photo ended, the face sits where the composition puts it, and the face
 * is well exposed and sharp. A headshot that fails one is not delivered; its figures say why.
 *
 * <p>Thresholds, measured on the shared photos in every shipped style (see docs/benchmarks.md):
 * <ul>
 *   <li>{@code bottomPerson} ≥ {@value #MIN_BOTTOM_PERSON}: the share of the bottom rows that is
 *       the person (matte above one half); a head-and-shoulders portrait has its shoulders or
 *       clothing across at least a third of the bottom edge, and a close-up whose bottom edge
 *       holds only the neck (seen: 0.44 on the 15 cm selfie's square) is not one.</li>
 *   <li>{@code cutEdge} ≤ {@value #MAX_CUT_EDGE}: the length of the line where the person meets
 *       the end of the photo (the matte above one half next to pixels the photo did not cover), as
 *       a share of the frame's width.</li>
 *   <li>the eye line within ±{@value #EYE_LINE_TOLERANCE} of the composition's and the face's
 *       centre within ±{@value #CENTRE_TOLERANCE} of the frame's width from the middle.</li>
 *   <li>the face's mean brightness within {@value #MIN_FACE_LUMA}–{@value #MAX_FACE_LUMA} (of
 *       255), with at most {@value #MAX_FACE_CLIPPED} of its pixels clipped to white or black;
 *       its sharpness (variance of the Laplacian at 256 px face width, as for the photos'
 *       verdicts) at least {@value #MIN_SHARPNESS}: retouched skin is smoother than the photo,
 *       eyes and hair keep it above this.</li>
 * </ul>
 */
public final class HeadshotCheck {

    static final double MIN_BOTTOM_PERSON = 0.5;
    static final double MAX_CUT_EDGE = 0.02;
    static final double EYE_LINE_TOLERANCE = 0.03;
    static final double CENTRE_TOLERANCE = 0.06;
    static final int MIN_FACE_LUMA = 45;
    static final int MAX_FACE_LUMA = 225;
    static final double MAX_FACE_CLIPPED = 0.08;
    static final double MIN_SHARPNESS = 4;

    /** What failed, as stable codes. */
    public enum Failure {
        FLOATING("floating-bust"),
        CUT_EDGE("cut-edge"),
        FRAMING("off-composition"),
        EXPOSURE("face-exposure"),
        BLUR("face-blurry");

        private final String code;

        Failure(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * The figures of one headshot.
     *
     * @param bottomPerson share of the bottom rows that is the person (1 without a matte: the photo itself)
     * @param cutEdge      the person's edge against the end of the photo, over the frame's width
     * @param eyeLine      where the eyes ended up, as a fraction of the height
     * @param faceCentre   the face's centre, as a fraction of the width
     * @param faceLuma     the face's mean brightness, 0–255
     * @param faceClipped  the share of the face's pixels at 0 or 255
     * @param sharpness    the face's sharpness
     * @param failures     what failed; empty when the headshot may be delivered
     */
    public record Figures(double bottomPerson, double cutEdge, double eyeLine, double faceCentre, double faceLuma, double faceClipped,
                          double sharpness, List<Failure> failures) {

        public Figures {
            failures = List.copyOf(failures);
        }

        public boolean passed() {
            return failures.isEmpty();
        }

        /** For reports: each figure rounded to three places, and the failures' codes. */
        public java.util.Map<String, Object> asMap() {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("bottomPerson", round(bottomPerson));
            m.put("cutEdge", round(cutEdge));
            m.put("eyeLine", round(eyeLine));
            m.put("faceCentre", round(faceCentre));
            m.put("faceLuma", round(faceLuma));
            m.put("faceClipped", round(faceClipped));
            m.put("sharpness", round(sharpness));
            m.put("failed", failures.stream().map(Failure::code).toList());
            return m;
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }

    private HeadshotCheck() {
    }

    /**
     * @param image       the finished headshot
     * @param face        the face in its pixels
     * @param composition the composition it was framed with
     * @param person      the person's matte (0–1 per pixel), or null when there is no cut-out
     * @param coverage    how much of each pixel came from the photo, or null when the photo covered
     *                    the whole frame
     */
    public static Figures check(BufferedImage image, Face face, Composition composition, float[] person, float[] coverage) {
        int w = image.getWidth();
        int h = image.getHeight();
        double bottom = bottomPerson(person, coverage, w, h);
        double cut = cutEdge(person, coverage, w, h);
        double eyeLine = face.eyeCentre().y() / h;
        double centre = face.eyeCentre().x() / w;
        double[] light = faceLight(image, face);
        double sharpness = Sharpness.ofFace(image, face);
        List<Failure> failures = new ArrayList<>();
        if (bottom < MIN_BOTTOM_PERSON) {
            failures.add(Failure.FLOATING);
        }
        if (cut > MAX_CUT_EDGE) {
            failures.add(Failure.CUT_EDGE);
        }
        if (Math.abs(eyeLine - composition.eyeLine()) > EYE_LINE_TOLERANCE || Math.abs(centre - 0.5) > CENTRE_TOLERANCE) {
            failures.add(Failure.FRAMING);
        }
        if (light[0] < MIN_FACE_LUMA || light[0] > MAX_FACE_LUMA || light[1] > MAX_FACE_CLIPPED) {
            failures.add(Failure.EXPOSURE);
        }
        if (sharpness < MIN_SHARPNESS) {
            failures.add(Failure.BLUR);
        }
        return new Figures(bottom, cut, eyeLine, centre, light[0], light[1], sharpness, failures);
    }

    /** The share of the bottom 1 % of rows (at least 2) where the person is, or where the photo is when there is no matte. */
    static double bottomPerson(float[] person, float[] coverage, int w, int h) {
        int rows = Math.max(2, h / 100);
        long inside = 0;
        for (int y = h - rows; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float a = person != null ? person[i] : coverage != null ? coverage[i] : 1f;
                if (a > 0.5f) {
                    inside++;
                }
            }
        }
        return (double) inside / ((long) rows * w);
    }

    /**
     * The length, over the frame's width, of the person's edge against the end of the photo: pixels
     * the photo covers fully with the person (matte above one half) that have, within 2 % of the
     * frame's width, a pixel the photo did not cover at all.
     */
    static double cutEdge(float[] person, float[] coverage, int w, int h) {
        if (person == null || coverage == null) {
            return 0;
        }
        int reach = Math.max(2, w / 50);
        // Distance to the nearest uncovered pixel, along rows and columns (cheap and enough for straight edges).
        boolean[] near = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            int last = -1_000_000;
            for (int x = 0; x < w; x++) {
                if (coverage[y * w + x] == 0f) {
                    last = x;
                }
                near[y * w + x] |= x - last <= reach;
            }
            last = 1_000_000;
            for (int x = w - 1; x >= 0; x--) {
                if (coverage[y * w + x] == 0f) {
                    last = x;
                }
                near[y * w + x] |= last - x <= reach;
            }
        }
        for (int x = 0; x < w; x++) {
            int last = -1_000_000;
            for (int y = 0; y < h; y++) {
                if (coverage[y * w + x] == 0f) {
                    last = y;
                }
                near[y * w + x] |= y - last <= reach;
            }
            last = 1_000_000;
            for (int y = h - 1; y >= 0; y--) {
                if (coverage[y * w + x] == 0f) {
                    last = y;
                }
                near[y * w + x] |= last - y <= reach;
            }
        }
        long touching = 0;
        for (int i = 0; i < near.length; i++) {
            if (near[i] && coverage[i] > 0f && person[i] > 0.5f) {
                touching++;
            }
        }
        // The touching band is about `reach` pixels deep: its area over its depth is its length.
        return (double) touching / reach / w;
    }

    /** The face box's mean brightness and its share of clipped pixels. */
    private static double[] faceLight(BufferedImage image, Face face) {
        int x0 = Math.max(0, (int) face.x());
        int y0 = Math.max(0, (int) face.y());
        int x1 = Math.min(image.getWidth(), (int) Math.ceil(face.x() + face.width()));
        int y1 = Math.min(image.getHeight(), (int) Math.ceil(face.y() + face.height()));
        if (x1 <= x0 || y1 <= y0) {
            return new double[] {0, 1};
        }
        int[] px = image.getRGB(x0, y0, x1 - x0, y1 - y0, null, 0, x1 - x0);
        double sum = 0;
        long clipped = 0;
        for (int p : px) {
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            double y = 0.299 * r + 0.587 * g + 0.114 * b;
            sum += y;
            if (y >= 254 || y <= 1) {
                clipped++;
            }
        }
        return new double[] {sum / px.length, (double) clipped / px.length};
    }
}
