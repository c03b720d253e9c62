package io.headroom.matte;

import io.headroom.raster.Planes;

/**
 * Places the person, cut out by a matte, onto a backdrop: first the foreground colours are
 * decontaminated (the old background's colour is taken out of the semi-transparent edge pixels,
 * so no halo of the old room shows on the new backdrop), then a soft contact shadow darkens the
 * backdrop just below and behind the person, then the two are blended by the matte.
 */
public final class Composite {

    private final double shadowStrength;

    /** @param shadowStrength how dark the contact shadow gets at most (0 = none, 0.25 = subtle) */
    public Composite(double shadowStrength) {
        this.shadowStrength = Math.max(0, Math.min(1, shadowStrength));
    }

    /**
     * @param photo    packed RGB of the working crop
     * @param alpha    the person's matte, 0–1, same size
     * @param backdrop packed RGB, same size
     * @return the composited image, packed RGB
     */
    public int[] apply(int[] photo, float[] alpha, int[] backdrop, int w, int h) {
        int[] foreground = decontaminate(photo, alpha, w, h);
        int[] ground = shadowed(backdrop, alpha, w, h);
        int[] out = new int[photo.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Colours.mix(ground[i], foreground[i], alpha[i]);
        }
        return out;
    }

    /**
     * Foreground colour F from I = αF + (1 − α)B, with B estimated as the local average of the
     * pixels the matte calls background. Only edge pixels (0 < α < 1) change.
     */
    static int[] decontaminate(int[] photo, float[] alpha, int w, int h) {
        int radius = Math.max(4, Math.min(w, h) / 64);
        float[][] estimate = new float[3][];
        float[] bgWeight = new float[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            bgWeight[i] = alpha[i] < 0.05f ? 1f : 0f;
        }
        float[] weightMean = Planes.boxMean(bgWeight, w, h, radius);
        int[] shifts = {16, 8, 0};
        float[][] channels = new float[3][];
        for (int c = 0; c < 3; c++) {
            channels[c] = Planes.channel(photo, shifts[c]);
            float[] weighted = new float[alpha.length];
            for (int i = 0; i < alpha.length; i++) {
                weighted[i] = channels[c][i] * bgWeight[i];
            }
            estimate[c] = Planes.boxMean(weighted, w, h, radius);
        }
        float[][] f = new float[3][alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            float a = alpha[i];
            boolean edge = a > 0.02f && a < 0.98f && weightMean[i] > 1e-3f;
            for (int c = 0; c < 3; c++) {
                float v = channels[c][i];
                if (edge) {
                    float bg = estimate[c][i] / weightMean[i];
                    v = (v - (1 - a) * bg) / a;
                }
                f[c][i] = Math.max(0f, Math.min(1f, v));
            }
        }
        return Colours.pack(f[0], f[1], f[2]);
    }

    /** The backdrop darkened under a blurred copy of the matte, shifted down: light from above and in front. */
    private int[] shadowed(int[] backdrop, float[] alpha, int w, int h) {
        if (shadowStrength == 0) {
            return backdrop;
        }
        int shift = Math.max(1, h / 60);
        float[] moved = new float[alpha.length];
        for (int y = h - 1; y >= 0; y--) {
            int from = Math.max(0, y - shift);
            System.arraycopy(alpha, from * w, moved, y * w, w);
        }
        int radius = Math.max(2, Math.min(w, h) / 30);
        float[] soft = Planes.boxMean(Planes.boxMean(moved, w, h, radius), w, h, radius);
        int[] out = new int[backdrop.length];
        for (int i = 0; i < out.length; i++) {
            double k = 1 - shadowStrength * soft[i];
            int p = backdrop[i];
            out[i] = ((int) (((p >> 16) & 0xFF) * k) << 16) | ((int) (((p >> 8) & 0xFF) * k) << 8) | (int) ((p & 0xFF) * k);
        }
        return out;
    }
}
