package io.headroom.raster;

/** Float image planes and the box filter every matte step is built on (O(1) per pixel, any radius). */
public final class Planes {

    private Planes() {
    }

    /** Mean over a (2r+1)² window, edges clamped. */
    public static float[] boxMean(float[] src, int w, int h, int r) {
        float[] tmp = new float[src.length];
        float[] out = new float[src.length];
        int window = 2 * r + 1;
        for (int y = 0; y < h; y++) {
            double sum = 0;
            for (int i = -r; i <= r; i++) {
                sum += src[y * w + clamp(i, w)];
            }
            for (int x = 0; x < w; x++) {
                tmp[y * w + x] = (float) (sum / window);
                sum += src[y * w + clamp(x + r + 1, w)] - src[y * w + clamp(x - r, w)];
            }
        }
        // Down the columns, all columns at once, a row at a time: the same sums as one column after
        // another, but reading memory in order (column by column misses the cache on every pixel).
        double[] sums = new double[w];
        for (int i = -r; i <= r; i++) {
            int row = clamp(i, h) * w;
            for (int x = 0; x < w; x++) {
                sums[x] += tmp[row + x];
            }
        }
        for (int y = 0; y < h; y++) {
            int o = y * w;
            int in = clamp(y + r + 1, h) * w;
            int gone = clamp(y - r, h) * w;
            for (int x = 0; x < w; x++) {
                out[o + x] = (float) (sums[x] / window);
                sums[x] += tmp[in + x] - tmp[gone + x];
            }
        }
        return out;
    }

    public static float[] luma(int[] rgb) {
        float[] out = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            out[i] = (0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF)) / 255f;
        }
        return out;
    }

    public static float[] channel(int[] rgb, int shift) {
        float[] out = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = ((rgb[i] >> shift) & 0xFF) / 255f;
        }
        return out;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : Math.min(n - 1, i);
    }
}
