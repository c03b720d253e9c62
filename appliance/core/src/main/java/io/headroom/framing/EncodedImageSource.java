package io.headroom.framing;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * A cleaned photo (JPEG or PNG bytes, in memory) read region by region with subsampling: the
 * decoder only produces the pixels asked for.
 */
public final class EncodedImageSource implements ImageRegionSource {

    private final byte[] encoded;
    private final int width;
    private final int height;

    public EncodedImageSource(byte[] encoded) {
        this.encoded = encoded;
        ImageReader reader = reader();
        try (ImageInputStream in = stream()) {
            reader.setInput(in, true, true);
            this.width = reader.getWidth(0);
            this.height = reader.getHeight(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public BufferedImage read(Rectangle region, int subsampling) {
        ImageReader reader = reader();
        try (ImageInputStream in = stream()) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(region);
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            return reader.read(0, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    private ImageInputStream stream() {
        return new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded));
    }

    private ImageReader reader() {
        try (ImageInputStream in = stream()) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException("not an image this appliance stores");
            }
            return readers.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
