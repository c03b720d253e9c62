package io.headroom.matte;

import io.headroom.raster.Planes;

/**
 * Edge-aware refinement of a coarse matte (He, Sun and Tang's guided filter): within each window
 * the output is a linear function of the photo's brightness fitted to the coarse matte, so the
 * matte's edges move onto the photo's edges — hair strands and ear outlines follow the photo
 * instead of the low-resolution mask. A smoothstep between 0.2 and 0.8 then settles what is
 * clearly person or clearly background. The radius should exceed the coarse matte's edge width.
 */
public final class GuidedFilter {

    private final int radius;
    private final float epsilon;
    private final boolean settle;

    /**
     * @param radius  window radius in pixels of the working image
     * @param epsilon regularisation: larger keeps the matte smoother, smaller follows edges harder
     */
    public GuidedFilter(int radius, double epsilon) {
        this(radius, epsilon, true);
    }

    /**
     * @param settle whether to settle clear foreground and background afterwards (for a coarse
     *               mask); false keeps the matte's own soft values (for a matting network's alpha)
     */
    public GuidedFilter(int radius, double epsilon, boolean settle) {
        if (radius < 1 || epsilon <= 0) {
            throw new IllegalArgumentException("radius ≥ 1 and epsilon > 0");
        }
        this.radius = radius;
        this.epsilon = (float) epsilon;
        this.settle = settle;
    }

    /** The refined matte (0–1) for {@code coarse} guided by {@code photo} (packed RGB, same size). */
    public float[] refine(int[] photo, float[] coarse, int w, int h) {
        float[] guide = Planes.luma(photo);
        float[] meanI = Planes.boxMean(guide, w, h, radius);
        float[] meanP = Planes.boxMean(coarse, w, h, radius);
        float[] ip = new float[guide.length];
        float[] ii = new float[guide.length];
        for (int i = 0; i < guide.length; i++) {
            ip[i] = guide[i] * coarse[i];
            ii[i] = guide[i] * guide[i];
        }
        float[] corrIp = Planes.boxMean(ip, w, h, radius);
        float[] corrIi = Planes.boxMean(ii, w, h, radius);
        float[] a = new float[guide.length];
        float[] b = new float[guide.length];
        for (int i = 0; i < guide.length; i++) {
            float varI = corrIi[i] - meanI[i] * meanI[i];
            float covIp = corrIp[i] - meanI[i] * meanP[i];
            a[i] = covIp / (varI + epsilon);
            b[i] = meanP[i] - a[i] * meanI[i];
        }
        float[] meanA = Planes.boxMean(a, w, h, radius);
        float[] meanB = Planes.boxMean(b, w, h, radius);
        float[] out = new float[guide.length];
        for (int i = 0; i < guide.length; i++) {
            float q = meanA[i] * guide[i] + meanB[i];
            if (!settle) {
                out[i] = Math.max(0f, Math.min(1f, q));
                continue;
            }
            // The regression keeps some of the coarse ramp on either side of the edge; a gentle
            // contrast step settles clear foreground and background, keeping the edge soft.
            float t = Math.max(0f, Math.min(1f, (q - 0.2f) / 0.6f));
            out[i] = t * t * (3 - 2 * t);
        }
        return out;
    }
}
