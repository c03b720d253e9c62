package io.headroom.intake;

import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * The image readers intake uses: TwelveMonkeys for JPEG (CMYK, odd markers) and WebP, the JDK's
 * for PNG. Registered once from this library's class loader, which inside an application server
 * is not the one ImageIO scanned at JVM start.
 */
final class ImageCodecs {

    private static volatile boolean initialised;

    private ImageCodecs() {
    }

    static synchronized void init() {
        if (initialised) {
            return;
        }
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(ImageCodecs.class.getClassLoader());
        try {
            ImageIO.scanForPlugins();
        } finally {
            t.setContextClassLoader(previous);
        }
        // ImageIO would otherwise buffer streams in temporary files: photos must stay in memory.
        ImageIO.setUseCache(false);
        initialised = true;
    }

    static ImageReader reader(SniffedFormat format) {
        init();
        String name = switch (format) {
            case JPEG -> "jpeg";
            case PNG -> "png";
            case WEBP -> "webp";
            default -> throw new IllegalArgumentException("no reader for " + format);
        };
        ImageReader fallback = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(name); it.hasNext(); ) {
            ImageReader r = it.next();
            if (format == SniffedFormat.PNG || r.getClass().getName().startsWith("com.twelvemonkeys")) {
                return r;
            }
            fallback = fallback == null ? r : fallback;
        }
        if (fallback == null) {
            throw new IllegalStateException("no ImageIO reader for " + name);
        }
        return fallback;
    }
}
