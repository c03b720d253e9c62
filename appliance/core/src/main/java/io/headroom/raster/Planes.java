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

    /** Each pixel of a {@code tw}×{@code th} plane the mean of the source pixels its footprint covers. */
    public static float[] areaResize(float[] src, int w, int h, int tw, int th) {
        float[] rows = new float[tw * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < tw; x++) {
                int x0 = (int) ((long) x * w / tw);
                int x1 = Math.max(x0 + 1, (int) ((long) (x + 1) * w / tw));
                double sum = 0;
                for (int k = x0; k < x1; k++) {
                    sum += src[y * w + k];
                }
                rows[y * tw + x] = (float) (sum / (x1 - x0));
            }
        }
        float[] out = new float[tw * th];
        for (int y = 0; y < th; y++) {
            int y0 = (int) ((long) y * h / th);
            int y1 = Math.max(y0 + 1, (int) ((long) (y + 1) * h / th));
            for (int x = 0; x < tw; x++) {
                double sum = 0;
                for (int k = y0; k < y1; k++) {
                    sum += rows[k * tw + x];
                }
                out[y * tw + x] = (float) (sum / (y1 - y0));
            }
        }
        return out;
    }

    /** Bilinear enlargement of a {@code w}×{@code h} plane to {@code tw}×{@code th}, pixel centres aligned. */
    public static float[] bilinearResize(float[] src, int w, int h, int tw, int th) {
        int[] x0 = new int[tw];
        int[] x1 = new int[tw];
        float[] fx = new float[tw];
        for (int x = 0; x < tw; x++) {
            double sx = Math.max(0, Math.min(w - 1, (x + 0.5) * w / tw - 0.5));
            x0[x] = (int) sx;
            x1[x] = Math.min(w - 1, x0[x] + 1);
            fx[x] = (float) (sx - x0[x]);
        }
        float[] out = new float[tw * th];
        float[] top = new float[tw];
        float[] bottom = new float[tw];
        int rowTop = -1;
        int rowBottom = -1;
        for (int y = 0; y < th; y++) {
            double sy = Math.max(0, Math.min(h - 1, (y + 0.5) * h / th - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(h - 1, y0 + 1);
            float fy = (float) (sy - y0);
            // The two source rows, enlarged across once and reused by every output row between them.
            if (y0 != rowTop) {
                if (y0 == rowBottom) {
                    float[] t = top;
                    top = bottom;
                    bottom = t;
                } else {
                    widen(src, y0 * w, x0, x1, fx, top);
                }
                rowTop = y0;
                rowBottom = -1;
            }
            if (y1 != rowBottom) {
                widen(src, y1 * w, x0, x1, fx, bottom);
                rowBottom = y1;
            }
            int o = y * tw;
            for (int x = 0; x < tw; x++) {
                out[o + x] = top[x] + (bottom[x] - top[x]) * fy;
            }
        }
        return out;
    }

    private static void widen(float[] src, int row, int[] x0, int[] x1, float[] fx, float[] out) {
        for (int x = 0; x < out.length; x++) {
            float a = src[row + x0[x]];
            out[x] = a + (src[row + x1[x]] - a) * fx[x];
        }
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
