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
 * @param beyond   see {@link #beyond()}
 * @param extended the sides past which the person's clothing was continued by synthesis
 *                 ({@link ClothingExtension}); empty when nothing was
 * @param extension see {@link #extension()}
 */
public record Framed(Aspect aspect, BufferedImage image, Face face, Composition composition, List<String> padded, float[] coverage,
                     byte[] beyond, List<String> extended, float[] extension) {

    /** Bits of {@link #beyond()}: which of the photo's edges a pixel lies past. */
    public static final byte TOP = 1;
    public static final byte BOTTOM = 2;
    public static final byte LEFT = 4;
    public static final byte RIGHT = 8;

    public Framed {
        padded = List.copyOf(padded);
        extended = List.copyOf(extended);
    }

    /** As framed, nothing extended. */
    public Framed(Aspect aspect, BufferedImage image, Face face, Composition composition, List<String> padded, float[] coverage, byte[] beyond) {
        this(aspect, image, face, composition, padded, coverage, beyond, List.of(), null);
    }

    /**
     * How much of each pixel came from the photo (1) rather than from extending its edges (0),
     * softened over a few pixels; null when the photo covered the whole frame.
     */
    @Override
    public float[] coverage() {
        return coverage;
    }

    /**
     * Per pixel, which edges of the photo it lies past ({@link #TOP}, {@link #BOTTOM}, …, or'ed; 0
     * inside the photo); null when the photo covered the whole frame.
     */
    @Override
    public byte[] beyond() {
        return beyond;
    }

    /**
     * Per pixel, how much of it is the person continued by synthesis (0–1, 0 wherever the photo
     * reached); null when nothing was extended. The cut-out takes it as the person's matte there.
     */
    @Override
    public float[] extension() {
        return extension;
    }

    /**
     * How much of each pixel is the photo or the person continued from it: {@link #coverage()}
     * plus {@link #extension()}; null when the photo covered the whole frame.
     */
    public float[] filled() {
        if (coverage == null || extension == null) {
            return coverage;
        }
        float[] f = new float[coverage.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.min(1f, coverage[i] + extension[i]);
        }
        return f;
    }
}
