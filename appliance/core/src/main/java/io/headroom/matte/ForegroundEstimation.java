package io.headroom.matte;

/**
 * The person's own colours at a soft edge, with the old room taken out: for each pixel,
 * foreground F and background B such that I = αF + (1 − α)B, both smooth where alpha is smooth —
 * Germer, Uelwer, Conrad and Harmeling's fast multi-level foreground estimation (2020). The
 * problem is solved coarse to fine, a few Gauss–Seidel sweeps per level, so colours travel from
 * the person's inside and the room's inside into the edge; at the photo's own size F follows from
 * the compositing equation with the background of the level below. Hair on a new backdrop then shows no
 * fringe of the wall behind it.
 */
public final class ForegroundEstimation {

    private static final float REGULARISATION = 1e-5f;
    private static final float GRADIENT_WEIGHT = 1f;
    private static final int SMALL_SIZE = 32;
    private static final int SMALL_ITERATIONS = 10;
    private static final int BIG_ITERATIONS = 2;

    private ForegroundEstimation() {
    }

    /**
     * @param photo packed RGB
     * @param alpha the matte, 0–1, same size
     * @return packed RGB foreground colours: the photo where α is 0 or 1, estimated in between
     */
    public static int[] foreground(int[] photo, float[] alpha, int w, int h) {
        int levels = (int) Math.ceil(Math.log(Math.max(w, h)) / Math.log(2));
        float[] f = null;
        float[] b = null;
        int pw = 0;
        int ph = 0;
        // Coarse to fine, up to the last level below the photo's own size.
        for (int level = 0; level < levels; level++) {
            int lw = Math.max(1, (int) Math.round(Math.pow(w, level / (double) levels)));
            int lh = Math.max(1, (int) Math.round(Math.pow(h, level / (double) levels)));
            float[] img = nearestRgb(photo, w, h, lw, lh);
            float[] a = nearest(alpha, w, h, lw, lh, 1);
            if (f == null) {
                f = img.clone();
                b = img.clone();
            } else {
                f = nearest(f, pw, ph, lw, lh, 3);
                b = nearest(b, pw, ph, lw, lh, 3);
            }
            boolean big = lw * lh > SMALL_SIZE * SMALL_SIZE;
            int sweeps = big ? BIG_ITERATIONS : SMALL_ITERATIONS;
            boolean[] visit = big ? nearSoftEdge(a, lw, lh) : null;
            for (int s = 0; s < sweeps; s++) {
                sweep(img, a, f, b, lw, lh, visit);
            }
            pw = lw;
            ph = lh;
        }
        // At the photo's own size the background is known from the level below (it is smooth at a
        // hair's scale), so F follows from I = αF + (1 − α)B pixel by pixel: αF, all a composite
        // uses, is then exact up to B's error, which division by α does not amplify in it.
        int[] out = new int[photo.length];
        int[] shifts = {16, 8, 0};
        for (int y = 0; y < h; y++) {
            int sy = b == null ? 0 : Math.min(ph - 1, (int) ((long) y * ph / h));
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float ai = alpha[i];
                if (ai <= 0f || ai >= 1f || b == null) {
                    out[i] = photo[i];
                    continue;
                }
                int j = 3 * (sy * pw + Math.min(pw - 1, (int) ((long) x * pw / w)));
                int v = 0;
                for (int c = 0; c < 3; c++) {
                    float value = ((photo[i] >> shifts[c]) & 0xFF) / 255f;
                    v |= channel(clamp((value - (1 - ai) * b[j + c]) / ai)) << shifts[c];
                }
                out[i] = v;
            }
        }
        return out;
    }

    private static float[] nearestRgb(int[] photo, int w, int h, int tw, int th) {
        float[] out = new float[3 * tw * th];
        for (int y = 0; y < th; y++) {
            int sy = Math.min(h - 1, (int) ((long) y * h / th));
            for (int x = 0; x < tw; x++) {
                int p = photo[sy * w + Math.min(w - 1, (int) ((long) x * w / tw))];
                int o = 3 * (y * tw + x);
                out[o] = ((p >> 16) & 0xFF) / 255f;
                out[o + 1] = ((p >> 8) & 0xFF) / 255f;
                out[o + 2] = (p & 0xFF) / 255f;
            }
        }
        return out;
    }

    /**
     * One Gauss–Seidel sweep: per pixel, the 2×2 system of the compositing equation plus
     * smoothness to its four neighbours, weighted by how much alpha changes between them. On the
     * large levels only pixels near a soft edge are visited: elsewhere nothing the result uses
     * would move.
     */
    private static void sweep(float[] img, float[] a, float[] f, float[] b, int w, int h, boolean[] visit) {
        int[] dx = {-1, 1, 0, 0};
        int[] dy = {0, 0, -1, 1};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (visit != null && !visit[i]) {
                    continue;
                }
                float a0 = a[i];
                float a1 = 1f - a0;
                float a00 = a0 * a0;
                float a01 = a0 * a1;
                float a11 = a1 * a1;
                float rf0 = a0 * img[3 * i];
                float rf1 = a0 * img[3 * i + 1];
                float rf2 = a0 * img[3 * i + 2];
                float rb0 = a1 * img[3 * i];
                float rb1 = a1 * img[3 * i + 1];
                float rb2 = a1 * img[3 * i + 2];
                float weights = 0f;
                for (int d = 0; d < 4; d++) {
                    int nx = Math.max(0, Math.min(w - 1, x + dx[d]));
                    int ny = Math.max(0, Math.min(h - 1, y + dy[d]));
                    int j = ny * w + nx;
                    float wt = REGULARISATION + GRADIENT_WEIGHT * Math.abs(a0 - a[j]);
                    weights += wt;
                    rf0 += wt * f[3 * j];
                    rf1 += wt * f[3 * j + 1];
                    rf2 += wt * f[3 * j + 2];
                    rb0 += wt * b[3 * j];
                    rb1 += wt * b[3 * j + 1];
                    rb2 += wt * b[3 * j + 2];
                }
                float m00 = a00 + weights;
                float m11 = a11 + weights;
                float det = m00 * m11 - a01 * a01;
                float i00 = m11 / det;
                float i01 = -a01 / det;
                float i11 = m00 / det;
                f[3 * i] = clamp(i00 * rf0 + i01 * rb0);
                f[3 * i + 1] = clamp(i00 * rf1 + i01 * rb1);
                f[3 * i + 2] = clamp(i00 * rf2 + i01 * rb2);
                b[3 * i] = clamp(i01 * rf0 + i11 * rb0);
                b[3 * i + 1] = clamp(i01 * rf1 + i11 * rb1);
                b[3 * i + 2] = clamp(i01 * rf2 + i11 * rb2);
            }
        }
    }

    /** Pixels within two of one whose alpha is strictly between 0 and 1. */
    private static boolean[] nearSoftEdge(float[] a, int w, int h) {
        float[] soft = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            soft[i] = a[i] > 0f && a[i] < 1f ? 1f : 0f;
        }
        float[] near = io.headroom.raster.Planes.boxMean(soft, w, h, 2);
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = near[i] > 1e-6f;
        }
        return out;
    }

    /** Nearest-neighbour resampling; the plane itself when the size is its own (callers only read it then). */
    private static float[] nearest(float[] src, int w, int h, int tw, int th, int channels) {
        if (tw == w && th == h) {
            return src;
        }
        float[] out = new float[tw * th * channels];
        for (int y = 0; y < th; y++) {
            int sy = Math.min(h - 1, (int) ((long) y * h / th));
            for (int x = 0; x < tw; x++) {
                int sx = Math.min(w - 1, (int) ((long) x * w / tw));
                System.arraycopy(src, (sy * w + sx) * channels, out, (y * tw + x) * channels, channels);
            }
        }
        return out;
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }

    private static int channel(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }
}
