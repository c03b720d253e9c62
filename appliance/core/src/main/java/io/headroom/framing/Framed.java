package io.headroom.framing;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A framed headshot in memory.
 *
 * @param padded the sides where the photo did not reach and the frame was filled by extending its
 *               edges ("top", "left", …); empty when the photo covered the whole frame
 */
public record Framed(Aspect aspect, BufferedImage image, List<String> padded) {

    public Framed {
        padded = List.copyOf(padded);
    }
}
