package io.headroom.intake;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.RenderingHints;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Hostile uploads, made by the tests themselves from a seed (printed, so a failure can be
 * replayed): random truncations and bit flips of real photos; every supported and unsupported
 * container (JPEG, PNG, WebP, HEIC, AVIF, TIFF, GIF, BMP, SVG, PDF); polyglots; decompression bombs
 * declared in each format's header; progressive JPEGs with thousands of scans; 16-bit and palette
 * PNGs; huge eXIf, iCCP and zTXt chunks; metadata bigger than the pixels; empty files, text and
 * archives named like photos. Nothing here is a fixed file in the repository.
 */
public final class HostileCorpus {

    /** One upload: a name for reports (never sent), its bytes. */
    public record Entry(String name, byte[] bytes) {
    }

    private HostileCorpus() {
    }

    /** Real photos, made small (so the corpus runs in seconds), as JPEG and PNG: the mutations' sources. */
    public static List<byte[]> sources() {
        List<byte[]> out = new ArrayList<>();
        for (String name : List.of("lisa_zoom_60cm.jpg", "london_005_smiling.jpg", "obama_2009_congress_address_rgba.png", "coffee_cup.png")) {
            try {
                BufferedImage photo = ImageIO.read(new ByteArrayInputStream(TestPhotos.bytes(name)));
                double k = 480.0 / Math.max(photo.getWidth(), photo.getHeight());
                BufferedImage small = new BufferedImage((int) (photo.getWidth() * k), (int) (photo.getHeight() * k), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = small.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(photo, 0, 0, small.getWidth(), small.getHeight(), null);
                g.dispose();
                out.add(write(small, "jpg"));
                out.add(write(small, "png"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // As they are: a WebP, and JPEGs whose EXIF (orientation, injected GPS) the mutations reach.
        for (String name : List.of("london_005_smiling_INJECTED_gps.webp", "london_030_neutral_exif_orientation_6.jpg",
                "london_025_neutral_INJECTED_gps_exif_only.jpg")) {
            out.add(TestPhotos.bytes(name));
        }
        return out;
    }

    public static long seed() {
        return Long.getLong("headroom.corpus.seed", System.nanoTime());
    }

    public static int mutations() {
        return Integer.getInteger("headroom.corpus.mutations", 450);
    }

    /**
     * At least {@code mutations + 60} entries: {@code mutations} truncations and bit flips of
     * {@code photos} (half each), then the crafted ones.
     */
    public static List<Entry> generate(long seed, List<byte[]> photos, int mutations) {
        Random random = new Random(seed);
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < mutations; i++) {
            byte[] photo = photos.get(random.nextInt(photos.size()));
            if (i % 2 == 0) {
                out.add(new Entry("truncated-" + i, Arrays.copyOf(photo, random.nextInt(photo.length))));
            } else {
                byte[] flipped = photo.clone();
                int flips = 1 + random.nextInt(24);
                for (int f = 0; f < flips; f++) {
                    // Most flips in the first 64 KiB, where the headers and tables are.
                    int at = random.nextInt(4) == 0 ? random.nextInt(flipped.length) : random.nextInt(Math.min(flipped.length, 65536));
                    flipped[at] ^= (byte) (1 << random.nextInt(8));
                }
                out.add(new Entry("bit-flips-" + i, flipped));
            }
        }
        crafted(out, random);
        return out;
    }

    private static void crafted(List<Entry> out, Random random) {
        BufferedImage small = picture(64, 48);
        byte[] jpeg = write(small, "jpg");
        byte[] png = write(small, "png");
        // Containers, supported and not.
        out.add(new Entry("gif", write(small, "gif")));
        out.add(new Entry("bmp", write(small, "bmp")));
        out.add(new Entry("tiff", write(small, "tiff")));
        out.add(new Entry("svg", ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100000\" height=\"100000\">"
                + "<image href=\"http://example.com/x.png\"/></svg>").getBytes(StandardCharsets.UTF_8)));
        out.add(new Entry("pdf", "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF".getBytes(StandardCharsets.US_ASCII)));
        out.add(new Entry("heic", isoBmff("heic")));
        out.add(new Entry("avif", isoBmff("avif")));
        out.add(new Entry("webp-garbage", riff("WEBP", "VP8 ", randomBytes(random, 400))));
        out.add(new Entry("webp-vp8x-bomb", riff("WEBP", "VP8X", vp8x(1 << 24, 1 << 24))));
        out.add(new Entry("webp-lossless-bomb", riff("WEBP", "VP8L", vp8l(16384, 16384))));
        out.add(new Entry("riff-avi", riff("AVI ", "LIST", randomBytes(random, 200))));
        // Bombs in the headers.
        out.add(new Entry("png-bomb", TestPhotos.pixelBombPng(65535, 65535)));
        out.add(new Entry("png-bomb-wide", TestPhotos.pixelBombPng(Integer.MAX_VALUE, 1)));
        out.add(new Entry("png-zero", TestPhotos.pixelBombPng(0, 0)));
        out.add(new Entry("jpeg-bomb", jpegWithSize(jpeg, 65500, 65500)));
        out.add(new Entry("jpeg-zero", jpegWithSize(jpeg, 0, 0)));
        out.add(new Entry("gif-bomb", gifWithSize(write(small, "gif"), 65535, 65535)));
        out.add(new Entry("bmp-bomb", bmpWithSize(write(small, "bmp"), 100000, 100000)));
        // Scans, depths and palettes.
        out.add(new Entry("jpeg-progressive", progressive(picture(320, 240))));
        out.add(new Entry("jpeg-2000-scans", manyScans(progressive(picture(320, 240)), 2000)));
        out.add(new Entry("jpeg-20000-scans", manyScans(progressive(picture(64, 64)), 20000)));
        out.add(new Entry("png-16-bit-grey", write(sixteenBitGrey(320, 240), "png")));
        out.add(new Entry("png-palette", write(palette(320, 240), "png")));
        out.add(new Entry("png-grey-alpha-like", write(picture(320, 240, BufferedImage.TYPE_INT_ARGB), "png")));
        // Chunks bigger than the picture.
        out.add(new Entry("png-huge-ztxt", withPngChunk(png, "zTXt", zTxtBomb(200_000_000))));
        out.add(new Entry("png-huge-iccp", withPngChunk(png, "iCCP", iccpBomb(200_000_000))));
        out.add(new Entry("png-huge-exif", withPngChunk(png, "eXIf", randomBytes(random, 4_000_000))));
        out.add(new Entry("png-huge-text", withPngChunk(png, "tEXt", ("Comment\0" + "x".repeat(3_000_000)).getBytes(StandardCharsets.ISO_8859_1))));
        out.add(new Entry("png-bad-crc", corruptCrc(png)));
        out.add(new Entry("jpeg-metadata-bigger-than-pixels", withAppSegments(jpeg, 40, random)));
        out.add(new Entry("jpeg-exif-garbage", withAppSegments(jpeg, 1, random)));
        // Polyglots.
        out.add(new Entry("jpeg-then-zip", concat(jpeg, zip())));
        out.add(new Entry("png-then-pdf", concat(png, "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII))));
        out.add(new Entry("gif-then-jpeg", concat(write(small, "gif"), jpeg)));
        out.add(new Entry("html-jpeg", concat("<html><script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII), jpeg)));
        // Not images at all.
        out.add(new Entry("empty", new byte[0]));
        out.add(new Entry("one-byte", new byte[]{(byte) 0xFF}));
        out.add(new Entry("jpeg-magic-only", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
        out.add(new Entry("png-magic-only", Arrays.copyOf(png, 8)));
        out.add(new Entry("zeros", new byte[100_000]));
        out.add(new Entry("text", "just some words, not a photo\n".repeat(100).getBytes(StandardCharsets.UTF_8)));
        out.add(new Entry("zip-named-jpg", zip()));
        out.add(new Entry("random", randomBytes(random, 50_000)));
        for (int i = 0; i < 12; i++) {
            out.add(new Entry("random-after-jpeg-magic-" + i, concat(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
                    randomBytes(random, 1 + random.nextInt(20_000)))));
            out.add(new Entry("random-after-png-magic-" + i, concat(Arrays.copyOf(png, 8), randomBytes(random, 1 + random.nextInt(20_000)))));
        }
        // And a few good ones, which must be accepted.
        out.add(new Entry("good-jpeg", jpeg));
        out.add(new Entry("good-png", png));
    }

    private static BufferedImage picture(int w, int h) {
        return picture(w, h, BufferedImage.TYPE_INT_RGB);
    }

    private static BufferedImage picture(int w, int h, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 80, 160, type == BufferedImage.TYPE_INT_ARGB ? 128 : 255));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.ORANGE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        return img;
    }

    private static BufferedImage sixteenBitGrey(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        short[] px = ((java.awt.image.DataBufferUShort) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            px[i] = (short) (i * 37);
        }
        return img;
    }

    private static BufferedImage palette(int w, int h) {
        byte[] r = new byte[16];
        byte[] g = new byte[16];
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            r[i] = (byte) (i * 16);
            g[i] = (byte) (255 - i * 16);
            b[i] = (byte) (i * 8);
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(4, 16, r, g, b));
        Graphics2D gr = img.createGraphics();
        gr.drawImage(picture(w, h), 0, 0, null);
        gr.dispose();
        return img;
    }

    static byte[] write(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] progressive(BufferedImage img) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(img, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The progressive JPEG's last scan (with its tables) repeated until there are {@code scans} of them. */
    private static byte[] manyScans(byte[] progressive, int scans) {
        int lastSos = -1;
        for (int i = 0; i + 1 < progressive.length; i++) {
            if ((progressive[i] & 0xFF) == 0xFF && (progressive[i + 1] & 0xFF) == 0xDA) {
                lastSos = i;
            }
        }
        int eoi = progressive.length - 2;
        byte[] scan = Arrays.copyOfRange(progressive, lastSos, eoi);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(progressive, 0, eoi);
        for (int i = 0; i < scans; i++) {
            out.writeBytes(scan);
        }
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    private static byte[] jpegWithSize(byte[] jpeg, int w, int h) {
        byte[] b = jpeg.clone();
        for (int i = 2; i + 9 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && ((b[i + 1] & 0xFF) == 0xC0 || (b[i + 1] & 0xFF) == 0xC2)) {
                b[i + 5] = (byte) (h >> 8);
                b[i + 6] = (byte) h;
                b[i + 7] = (byte) (w >> 8);
                b[i + 8] = (byte) w;
                return b;
            }
        }
        throw new IllegalStateException("no frame header");
    }

    private static byte[] gifWithSize(byte[] gif, int w, int h) {
        byte[] b = gif.clone();
        ByteBuffer.wrap(b, 6, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort((short) w).putShort((short) h);
        return b;
    }

    private static byte[] bmpWithSize(byte[] bmp, int w, int h) {
        byte[] b = bmp.clone();
        ByteBuffer.wrap(b, 18, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(w).putInt(h);
        return b;
    }

    private static byte[] isoBmff(String brand) {
        ByteBuffer b = ByteBuffer.allocate(32);
        b.putInt(32).put("ftyp".getBytes(StandardCharsets.US_ASCII)).put(brand.getBytes(StandardCharsets.US_ASCII)).putInt(0)
                .put("mif1".getBytes(StandardCharsets.US_ASCII)).put(brand.getBytes(StandardCharsets.US_ASCII))
                .put("miaf".getBytes(StandardCharsets.US_ASCII)).put("MA1B".getBytes(StandardCharsets.US_ASCII));
        return concat(b.array(), new byte[64]);
    }

    private static byte[] riff(String form, String chunk, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(20 + data.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + data.length).put(form.getBytes(StandardCharsets.US_ASCII))
                .put(chunk.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return b.array();
    }

    private static byte[] vp8x(int w, int h) {
        byte[] d = new byte[10];
        int cw = w - 1;
        int ch = h - 1;
        d[4] = (byte) cw;
        d[5] = (byte) (cw >> 8);
        d[6] = (byte) (cw >> 16);
        d[7] = (byte) ch;
        d[8] = (byte) (ch >> 8);
        d[9] = (byte) (ch >> 16);
        return d;
    }

    private static byte[] vp8l(int w, int h) {
        // Signature 0x2F, then 14 bits width-1, 14 bits height-1, alpha, version.
        int bits = (w - 1) | ((h - 1) << 14);
        return new byte[]{0x2F, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24), 0, 0, 0};
    }

    private static byte[] withPngChunk(byte[] png, String type, byte[] data) {
        // After the signature and IHDR (8 + 25 bytes).
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        chunk(out, type, data);
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        CRC32 crc = new CRC32();
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] zTxtBomb(int inflated) {
        return concat("Comment\0\0".getBytes(StandardCharsets.ISO_8859_1), deflatedZeros(inflated));
    }

    private static byte[] iccpBomb(int inflated) {
        return concat("ICC\0\0".getBytes(StandardCharsets.ISO_8859_1), deflatedZeros(inflated));
    }

    private static byte[] deflatedZeros(int n) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] zeros = new byte[1 << 20];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        for (int done = 0; done < n; done += zeros.length) {
            d.setInput(zeros, 0, Math.min(zeros.length, n - done));
            while (!d.needsInput()) {
                out.write(buf, 0, d.deflate(buf));
            }
        }
        d.finish();
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    private static byte[] corruptCrc(byte[] png) {
        byte[] b = png.clone();
        b[29] ^= 0x55; // IHDR's CRC
        return b;
    }

    private static byte[] withAppSegments(byte[] jpeg, int count, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (int i = 0; i < count; i++) {
            byte[] data = randomBytes(random, 65533);
            if (i == 0) {
                System.arraycopy("Exif\0\0MM\0*".getBytes(StandardCharsets.ISO_8859_1), 0, data, 0, 10);
            }
            out.write(0xFF);
            out.write(0xE1 + (i % 14));
            out.write(0xFF);
            out.write(0xFF);
            out.writeBytes(data);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("photo.jpg"));
            zip.write(new byte[100_000]);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
