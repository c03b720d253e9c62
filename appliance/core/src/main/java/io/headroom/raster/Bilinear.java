package io.headroom.raster;

/** Bilinear sampling of packed RGB pixels, in fixed point (weights in 1/256 steps). */
public final class Bilinear {

    private Bilinear() {
    }

    /**
     * The colour at {@code (x, y)} of a {@code w × h} image of packed RGB, between its four
     * nearest pixels; positions outside are clamped to the edge. Opaque.
     */
    public static int rgb(int[] px, int w, int h, double x, double y) {
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        int fx = (int) ((x - x0) * 256);
        int fy = (int) ((y - y0) * 256);
        int a = px[y0 * w + x0];
        int b = px[y0 * w + x1];
        int c = px[y1 * w + x0];
        int e = px[y1 * w + x1];
        int wa = (256 - fx) * (256 - fy);
        int wb = fx * (256 - fy);
        int wc = (256 - fx) * fy;
        int we = fx * fy;
        int r = (((a >> 16) & 0xFF) * wa + ((b >> 16) & 0xFF) * wb + ((c >> 16) & 0xFF) * wc + ((e >> 16) & 0xFF) * we + 32768) >> 16;
        int g = (((a >> 8) & 0xFF) * wa + ((b >> 8) & 0xFF) * wb + ((c >> 8) & 0xFF) * wc + ((e >> 8) & 0xFF) * we + 32768) >> 16;
        int bl = ((a & 0xFF) * wa + (b & 0xFF) * wb + (c & 0xFF) * wc + (e & 0xFF) * we + 32768) >> 16;
        return 0xFF000000 | r << 16 | g << 8 | bl;
    }
}
