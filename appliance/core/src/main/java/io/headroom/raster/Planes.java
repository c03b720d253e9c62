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
        for (int x = 0; x < w; x++) {
            double sum = 0;
            for (int i = -r; i <= r; i++) {
                sum += tmp[clamp(i, h) * w + x];
            }
            for (int y = 0; y < h; y++) {
                out[y * w + x] = (float) (sum / window);
                sum += tmp[clamp(y + r + 1, h) * w + x] - tmp[clamp(y - r, h) * w + x];
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
