package io.headroom.framing;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * A photo that can hand out a region of itself at reduced resolution, so framing never needs the
 * whole (possibly 40 MP) frame in memory.
 */
public interface ImageRegionSource {

    int width();

    int height();

    /** The pixels of {@code region}, keeping every {@code subsampling}-th pixel in each direction. */
    BufferedImage read(Rectangle region, int subsampling);

    /** A source over an image already in memory (tests, small photos). */
    static ImageRegionSource of(BufferedImage image) {
        return new ImageRegionSource() {
            @Override
            public int width() {
                return image.getWidth();
            }

            @Override
            public int height() {
                return image.getHeight();
            }

            @Override
            public BufferedImage read(Rectangle region, int subsampling) {
                BufferedImage sub = image.getSubimage(region.x, region.y, region.width, region.height);
                if (subsampling == 1) {
                    return sub;
                }
                return io.headroom.face.Resize.to(sub, Math.max(1, region.width / subsampling), Math.max(1, region.height / subsampling));
            }
        };
    }
}
