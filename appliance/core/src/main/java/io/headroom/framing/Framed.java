package io.headroom.framing;

import io.headroom.face.Face;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A framed headshot in memory.
 *
 * @param face     the face in the headshot's pixels (upright: framing turned it by its roll)
 * @param composition where the face sits: the style's own composition or a closer one
 * @param padded   the sides where the photo did not reach and the frame was filled by extending its
 *                 edges ("top", "left", …); empty when the photo covered the whole frame
 * @param coverage see {@link #coverage()}
 */
public record Framed(Aspect aspect, BufferedImage image, Face face, Composition composition, List<String> padded, float[] coverage) {

    public Framed {
        padded = List.copyOf(padded);
    }

    /**
     * How much of each pixel came from the photo (1) rather than from extending its edges (0),
     * softened over a few pixels; null when the photo covered the whole frame.
     */
    @Override
    public float[] coverage() {
        return coverage;
    }
}
