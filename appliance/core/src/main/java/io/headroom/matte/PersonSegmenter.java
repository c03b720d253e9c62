package io.headroom.matte;

import java.awt.image.BufferedImage;

/**
 * Tells person from background. The pipeline owns this interface; the ONNX Runtime model is one
 * implementation. An instance belongs to one worker thread and is closed with it.
 */
public interface PersonSegmenter extends AutoCloseable {

    /** The person's probability per pixel (0–1), at the image's size. */
    float[] segment(BufferedImage image);

    /**
     * Whether {@link #segment} gives a matte already (a matting network's alpha, soft where hair
     * is), which the cut-out only aligns to the photo's edges, rather than a coarse mask to refine.
     */
    default boolean givesMatte() {
        return false;
    }

    @Override
    void close();
}
