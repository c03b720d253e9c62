package io.headroom.matte;

import java.awt.image.BufferedImage;

/**
 * Puts the person of a framed headshot onto the style's backdrop: segmentation at model
 * resolution, refined at the headshot's resolution by a guided filter so hair and ears follow
 * the photo, islands not joined to the person cleared ({@link MatteIslands}), decontaminated
 * edges, the backdrop, a subtle contact shadow. Nothing of the original room remains away from
 * the person.
 */
public final class Cutout {

    private final PersonSegmenter segmenter;
    private final Backdrop backdrop;
    private final Composite composite = new Composite(0.18);

    public Cutout(PersonSegmenter segmenter, Backdrop backdrop) {
        this.segmenter = segmenter;
        this.backdrop = backdrop;
    }

    /** The matte used, after refinement, and the image changed in place. */
    public float[] apply(BufferedImage headshot) {
        return apply(headshot, null);
    }

    /**
     * As {@link #apply(BufferedImage)}, keeping the person only where the photo itself reached:
     * where framing had to extend the photo's edges, the backdrop shows instead of a smear.
     *
     * @param coverage from {@link io.headroom.framing.Framed#coverage()}, or null
     */
    public float[] apply(BufferedImage headshot, float[] coverage) {
        return apply(headshot, coverage, null);
    }

    /**
     * As {@link #apply(BufferedImage, float[])}, where framing continued the person past the photo
     * ({@link io.headroom.framing.Framed#extension()}): there the person is what was continued, not
     * what segmentation makes of synthesised clothing.
     */
    public float[] apply(BufferedImage headshot, float[] coverage, float[] extension) {
        int w = headshot.getWidth();
        int h = headshot.getHeight();
        int[] px = headshot.getRGB(0, 0, w, h, null, 0, w);
        float[] coarse = segmenter.segment(headshot);
        float[] alpha = segmenter.givesMatte()
                // A matting network's alpha, scaled ~2.5×: aligned to the photo's edges, its soft hair kept.
                ? new GuidedFilter(Math.max(2, Math.min(w, h) / 256), 1e-4, false).refine(px, coarse, w, h)
                // The 256² mask is scaled about 4×: its edge ramp is ~8–16 px, the window must reach across.
                : new GuidedFilter(Math.max(4, Math.min(w, h) / 64), 1e-3).refine(px, coarse, w, h);
        if (coverage != null) {
            for (int i = 0; i < alpha.length; i++) {
                alpha[i] = alpha[i] * coverage[i] + (extension != null ? extension[i] : 0f);
            }
        }
        MatteIslands.clear(alpha, w, h);
        int[] ground = backdrop.render(w, h, px);
        headshot.setRGB(0, 0, w, h, composite.apply(px, alpha, ground, w, h), 0, w);
        return alpha;
    }

    /**
     * The person alone, for studios that composite in their own tools: the headshot's pixels as they
     * were before {@link #apply} put them on the backdrop, their edge colours freed of the old room
     * (as on the backdrop), with the matte as alpha; transparent where the backdrop would be.
     *
     * @param before the headshot's packed RGB before {@link #apply}
     * @param alpha  the matte {@link #apply} returned
     */
    public static BufferedImage transparent(int[] before, float[] alpha, int w, int h) {
        int[] foreground = Composite.decontaminate(before, alpha, w, h);
        int[] argb = new int[foreground.length];
        for (int i = 0; i < argb.length; i++) {
            int a = Math.round(Math.max(0f, Math.min(1f, alpha[i])) * 255);
            argb[i] = a == 0 ? 0 : (a << 24) | (foreground[i] & 0xFFFFFF);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }
}
