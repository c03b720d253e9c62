package io.headroom.matte;

import io.headroom.raster.Planes;

/**
 * Places the person, cut out by a matte, onto a backdrop: first the person's own colours are
 * estimated at the soft edge ({@link ForegroundEstimation}: the old room's colour taken out, so
 * no halo of it shows on the new backdrop), then a soft contact shadow darkens the
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
        int[] foreground = ForegroundEstimation.foreground(photo, alpha, w, h);
        int[] ground = shadowed(backdrop, alpha, w, h);
        int[] out = new int[photo.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Colours.mix(ground[i], foreground[i], alpha[i]);
        }
        return out;
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
