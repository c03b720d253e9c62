package io.headroom.it;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Looks through every file under a directory for anything readable of some images: an image
 * file signature (JPEG/JFIF, JPEG/Exif, PNG, WebP), or any 64-byte run of their decoded pixels.
 */
final class PlaintextScan {

    private static final int RUN = 64;
    private static final long BASE = 1_000_003L;

    private final Map<Long, List<byte[]>> runs = new HashMap<>();
    private final long basePower;

    PlaintextScan(List<byte[]> images) {
        long p = 1;
        for (int i = 0; i < RUN - 1; i++) {
            p *= BASE;
        }
        basePower = p;
        for (byte[] image : images) {
            byte[] pixels = pixels(image);
            for (int off = 0; off + RUN <= pixels.length; off += RUN) {
                byte[] run = Arrays.copyOfRange(pixels, off, off + RUN);
                if (Arrays.stream(box(run)).distinct().count() >= 8) { // skip flat runs that could match anything
                    runs.computeIfAbsent(hash(run, 0), k -> new ArrayList<>()).add(run);
                }
            }
        }
    }

    int runCount() {
        return runs.values().stream().mapToInt(List::size).sum();
    }

    /** "file: what" for every finding; empty when nothing readable is there. */
    List<String> findings(Path root) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(f);
                String sig = signature(b);
                if (sig != null) {
                    out.add(root.relativize(f) + ": " + sig);
                }
                if (containsRun(b)) {
                    out.add(root.relativize(f) + ": a 64-byte run of decoded pixels");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private boolean containsRun(byte[] b) {
        if (b.length < RUN) {
            return false;
        }
        long h = hash(b, 0);
        for (int i = 0; ; i++) {
            List<byte[]> candidates = runs.get(h);
            if (candidates != null) {
                for (byte[] c : candidates) {
                    if (Arrays.equals(b, i, i + RUN, c, 0, RUN)) {
                        return true;
                    }
                }
            }
            if (i + RUN >= b.length) {
                return false;
            }
            h = (h - (b[i] & 0xFF) * basePower) * BASE + (b[i + RUN] & 0xFF);
        }
    }

    private static long hash(byte[] b, int off) {
        long h = 0;
        for (int i = off; i < off + RUN; i++) {
            h = h * BASE + (b[i] & 0xFF);
        }
        return h;
    }

    private static String signature(byte[] b) {
        for (int i = 0; i + 12 <= b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD8 && (b[i + 2] & 0xFF) == 0xFF) {
                if ((b[i + 3] & 0xFF) == 0xE0 && ascii(b, i + 6, "JFIF\0")) {
                    return "a JPEG (JFIF) header at " + i;
                }
                if ((b[i + 3] & 0xFF) == 0xE1 && ascii(b, i + 6, "Exif\0")) {
                    return "a JPEG (Exif) header at " + i;
                }
            }
            if ((b[i] & 0xFF) == 0x89 && ascii(b, i + 1, "PNG\r\n\u001a\n")) {
                return "a PNG signature at " + i;
            }
            if (ascii(b, i, "RIFF") && ascii(b, i + 8, "WEBP")) {
                return "a WebP header at " + i;
            }
        }
        return null;
    }

    private static boolean ascii(byte[] b, int off, String s) {
        if (off + s.length() > b.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[off + i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] pixels(byte[] image) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(image));
            byte[] out = new byte[img.getWidth() * img.getHeight() * 3];
            int i = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y);
                    out[i++] = (byte) (rgb >> 16);
                    out[i++] = (byte) (rgb >> 8);
                    out[i++] = (byte) rgb;
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] box(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i];
        }
        return out;
    }
}
