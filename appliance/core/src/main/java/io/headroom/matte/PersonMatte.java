package io.headroom.matte;

import io.headroom.face.Face;
import java.awt.image.BufferedImage;

/**
 * The person's matte on a framed headshot: segmentation at model resolution, refined at the
 * headshot's resolution by a guided filter so the edge follows the photo, real alpha solved in
 * the band where that edge is uncertain ({@link EdgeMatting}), kept only where the photo reached,
 * and islands not joined to the person cleared ({@link MatteIslands}).
 */
public final class PersonMatte {

    private final PersonSegmenter segmenter;
    private final EdgeMatting matting;

    /** @param matting whether to solve the uncertain edge ({@code false} only to measure what it adds) */
    public PersonMatte(PersonSegmenter segmenter, boolean matting) {
        this.segmenter = segmenter;
        this.matting = matting ? new EdgeMatting() : null;
    }

    /**
     * The matte with what it was made from.
     *
     * @param refined the guided filter's matte as it came, before edge matting, coverage and islands
     * @param band    where edge matting solved alpha (0–1, feathered); all zero without it
     */
    public record Layers(float[] alpha, float[] refined, float[] band) {
    }

    /**
     * @param px        the headshot's packed RGB
     * @param face      the face in the headshot's pixels, or null
     * @param coverage  from {@link io.headroom.framing.Framed#coverage()}, or null: where the photo reached
     * @param extension from {@link io.headroom.framing.Framed#extension()}, or null: the person continued past it
     */
    public Layers of(BufferedImage headshot, int[] px, Face face, float[] coverage, float[] extension) {
        int w = headshot.getWidth();
        int h = headshot.getHeight();
        float[] coarse = segmenter.segment(headshot);
        float[] refined = segmenter.givesMatte()
                // A matting network's alpha, scaled ~2.5×: aligned to the photo's edges, its soft hair kept.
                ? new GuidedFilter(Math.max(2, Math.min(w, h) / 256), 1e-4, false).refine(px, coarse, w, h)
                // The 256² mask is scaled about 4×: its edge ramp is ~8–16 px, the window must reach across.
                : new GuidedFilter(Math.max(4, Math.min(w, h) / 64), 1e-3).refine(px, coarse, w, h);
        float[] alpha = refined.clone();
        float[] band = new float[w * h];
        if (matting != null) {
            EdgeMatting.Result matted = matting.refine(px, refined, w, h, face);
            alpha = matted.alpha();
            band = matted.band();
            if (segmenter.givesMatte()) {
                // A matting network's hair is finer than the solved band's; the band only takes away
                // what its colours call background (the room the network kept).
                for (int i = 0; i < alpha.length; i++) {
                    alpha[i] = Math.min(alpha[i], refined[i]);
                }
            }
        }
        finish(alpha, coverage, extension, w, h);
        return new Layers(alpha, refined, band);
    }

    /** Keeps the person only where the photo reached (or was continued), and clears islands; in place. */
    static void finish(float[] alpha, float[] coverage, float[] extension, int w, int h) {
        if (coverage != null) {
            for (int i = 0; i < alpha.length; i++) {
                alpha[i] = alpha[i] * coverage[i] + (extension != null ? extension[i] : 0f);
            }
        }
        MatteIslands.clear(alpha, w, h);
    }
}
