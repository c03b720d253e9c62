package io.headroom.matte;

import io.headroom.face.Face;
import java.awt.image.BufferedImage;

/**
 * Puts the person of a framed headshot onto the style's backdrop: the person's matte
 * ({@link PersonMatte}: segmentation, guided refinement, real alpha at the uncertain edge, islands
 * cleared), the person's own edge colours estimated ({@link ForegroundEstimation}), the backdrop,
 * a subtle contact shadow. Nothing of the original room remains away from
 * the person.
 */
public final class Cutout {

    private final PersonMatte matte;
    private final Backdrop backdrop;
    private final Composite composite = new Composite(0.18);

    public Cutout(PersonSegmenter segmenter, Backdrop backdrop) {
        this.matte = new PersonMatte(segmenter, true);
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
        return apply(headshot, coverage, extension, null);
    }

    /**
     * As {@link #apply(BufferedImage, float[], float[])}, knowing where the face is: its inner part
     * is always the person, and the hair above it gets a wider band of edge matting.
     *
     * @param face the face in the headshot's pixels ({@link io.headroom.framing.Framed#face()}), or null
     */
    public float[] apply(BufferedImage headshot, float[] coverage, float[] extension, Face face) {
        int w = headshot.getWidth();
        int h = headshot.getHeight();
        int[] px = headshot.getRGB(0, 0, w, h, null, 0, w);
        float[] alpha = matte.of(headshot, px, face, coverage, extension).alpha();
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
        int[] foreground = ForegroundEstimation.foreground(before, alpha, w, h);
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
