package io.headroom.matte;

/** Small helpers on packed RGB. */
final class Colours {

    private Colours() {
    }

    static int mix(int a, int b, double t) {
        double u = Math.max(0, Math.min(1, t));
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - u) + ((b >> 16) & 0xFF) * u);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - u) + ((b >> 8) & 0xFF) * u);
        int bl = (int) Math.round((a & 0xFF) * (1 - u) + (b & 0xFF) * u);
        return (r << 16) | (g << 8) | bl;
    }

    /** Planes of 0–1 floats to packed RGB. */
    static int[] pack(float[] r, float[] g, float[] b) {
        int[] out = new int[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = (clamp(r[i]) << 16) | (clamp(g[i]) << 8) | clamp(b[i]);
        }
        return out;
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }
}
