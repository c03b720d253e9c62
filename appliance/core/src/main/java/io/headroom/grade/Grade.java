package io.headroom.grade;

import java.awt.Rectangle;

/**
 * The light-and-colour steps of a style, on packed RGB in place: white balance from the frame's
 * near-neutral areas, face exposure to a target, a gentle contrast curve, an optional vignette.
 * Each is deliberately mild: the person must still look like themselves.
 */
public final class Grade {

    private static final double MAX_GAIN = 1.2;
    private static final double MIN_NEUTRAL_SHARE = 0.02;

    private Grade() {
    }

    /**
     * Neutralises a colour cast: near-grey pixels (low saturation, mid brightness) should average
     * grey; per-channel gains that make them so (limited to ±20 %) are applied to every pixel.
     * Leaves the image alone when it has too few neutral pixels to judge.
     *
     * @return whether a correction was applied
     */
    public static boolean whiteBalance(int[] px) {
        double r = 0;
        double g = 0;
        double b = 0;
        int n = 0;
        for (int p : px) {
            int pr = (p >> 16) & 0xFF;
            int pg = (p >> 8) & 0xFF;
            int pb = p & 0xFF;
            int max = Math.max(pr, Math.max(pg, pb));
            int min = Math.min(pr, Math.min(pg, pb));
            if (max > 50 && max < 235 && (max - min) < 0.25 * max) {
                r += pr;
                g += pg;
                b += pb;
                n++;
            }
        }
        if (n < MIN_NEUTRAL_SHARE * px.length) {
            return false;
        }
        double grey = (r + g + b) / 3;
        double gr = clampGain(grey / r);
        double gg = clampGain(grey / g);
        double gb = clampGain(grey / b);
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            px[i] = (p & 0xFF000000) | (ch(((p >> 16) & 0xFF) * gr) << 16) | (ch(((p >> 8) & 0xFF) * gg) << 8) | ch((p & 0xFF) * gb);
        }
        return true;
    }

    /**
     * Brings the face's median brightness towards {@code target} (0–1) with a gamma curve, within
     * {@code maxStops} of correction either way.
     *
     * @return the gamma applied (1 = none)
     */
    public static double faceExposure(int[] px, int w, Rectangle face, double target, double maxStops) {
        int[] histogram = new int[256];
        int count = 0;
        Rectangle r = face.intersection(new Rectangle(0, 0, w, px.length / w));
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                histogram[luma(px[y * w + x])]++;
                count++;
            }
        }
        if (count == 0) {
            return 1;
        }
        int seen = 0;
        int median = 0;
        while (median < 255 && (seen += histogram[median]) < count / 2) {
            median++;
        }
        double m = Math.max(1, median) / 255.0;
        double gamma = Math.log(target) / Math.log(m);
        double limit = Math.pow(2, maxStops) / 2 + 0.5;
        gamma = Math.max(1 / limit, Math.min(limit, gamma));
        int[] curve = new int[256];
        for (int v = 0; v < 256; v++) {
            curve[v] = ch(255 * Math.pow(v / 255.0, gamma));
        }
        applyCurve(px, curve);
        return gamma;
    }

    /** A gentle S-curve: {@code amount} 0 leaves the image, 1 is a full smoothstep. Black and white stay put. */
    public static void contrast(int[] px, double amount) {
        int[] curve = new int[256];
        for (int v = 0; v < 256; v++) {
            double x = v / 255.0;
            double s = x * x * (3 - 2 * x);
            curve[v] = ch(255 * (x + amount * (s - x)));
        }
        applyCurve(px, curve);
    }

    /** Darkens towards the corners by up to {@code strength} (0–1), leaving the centre alone. */
    public static void vignette(int[] px, int w, int h, double strength) {
        double cx = w / 2.0;
        double cy = h / 2.0;
        double far = Math.hypot(cx, cy);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = Math.hypot(x - cx, y - cy) / far;
                double k = 1 - strength * d * d * d;
                int i = y * w + x;
                int p = px[i];
                px[i] = (p & 0xFF000000) | (ch(((p >> 16) & 0xFF) * k) << 16) | (ch(((p >> 8) & 0xFF) * k) << 8) | ch((p & 0xFF) * k);
            }
        }
    }

    private static void applyCurve(int[] px, int[] curve) {
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            px[i] = (p & 0xFF000000) | (curve[(p >> 16) & 0xFF] << 16) | (curve[(p >> 8) & 0xFF] << 8) | curve[p & 0xFF];
        }
    }

    static int luma(int p) {
        return (((p >> 16) & 0xFF) * 299 + ((p >> 8) & 0xFF) * 587 + (p & 0xFF) * 114) / 1000;
    }

    private static double clampGain(double g) {
        return Math.max(1 / MAX_GAIN, Math.min(MAX_GAIN, g));
    }

    private static int ch(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
