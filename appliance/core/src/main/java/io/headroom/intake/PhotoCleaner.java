package io.headroom.intake;

import io.headroom.perspective.FieldOfView;
import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Intake of one photo, entirely in memory: decide the format from magic bytes, refuse what is too
 * large before decoding (from the header), decode within the memory budget, turn the pixels
 * upright, and re-encode pixels only. What comes out carries no EXIF, GPS, XMP, IPTC, ICC text,
 * maker notes, thumbnails or comments.
 *
 * <p>ImageIO's disk cache is switched off: no byte of a photo ever reaches a temporary file.
 * Error messages never name the upload or quote its content.
 */
public final class PhotoCleaner {

    static {
        ImageCodecs.init();
    }

    private static final float JPEG_QUALITY = 0.92f;
    /** Cameras write 1 scan, progressive encoders about 10; libjpeg's own guard is in the hundreds. */
    static final int MAX_JPEG_SCANS = 100;

    private final IntakeLimits limits;
    private final DecodeBudget budget;

    public PhotoCleaner(IntakeLimits limits, DecodeBudget budget) {
        this.limits = limits;
        this.budget = budget;
    }

    /**
     * Cleans one upload.
     *
     * @throws ProblemException with a 4xx (413, 415, 422) for uploads that cannot be accepted, or
     *                          503 when the decode budget stays full
     */
    public CleanedPhoto clean(byte[] upload) {
        if (upload.length > limits.maxBytes()) {
            throw new ProblemException(ProblemType.PHOTO_TOO_LARGE, "A photo may have at most "
                    + (limits.maxBytes() / 1_000_000) + " MB. Please send a smaller file (for example, export it at a lower quality).");
        }
        SniffedFormat format = SniffedFormat.of(upload);
        switch (format) {
            case HEIF -> throw new ProblemException(ProblemType.HEIC_NOT_SUPPORTED,
                    "HEIC/HEIF photos (the iPhone default) cannot be read yet. Please send a JPEG: on an iPhone, choose "
                            + "Settings > Camera > Formats > Most Compatible, or share the photo through Mail or Files as JPEG.");
            case UNKNOWN -> throw new ProblemException(ProblemType.UNSUPPORTED_PHOTO_FORMAT,
                    upload.length == 0 ? "The file is empty. Please send a JPEG, PNG or WebP photo."
                            : "This file is not a JPEG, PNG or WebP photo. Please send one of those.");
            default -> { }
        }
        MetadataInventory.Inventory inventory;
        try {
            inventory = MetadataInventory.of(upload, format);
        } catch (RuntimeException e) {
            throw unreadable(); // a header or metadata segment that contradicts itself
        }
        if (format == SniffedFormat.JPEG && scans(upload) > MAX_JPEG_SCANS) {
            // Each scan is a pass over the whole image: thousands of them are a way to burn CPU.
            throw unreadable();
        }
        BufferedImage upright = decodeUpright(upload, format, inventory.orientation());
        try {
            boolean alpha = upright.getColorModel().hasAlpha();
            CleanedPhoto.StoredFormat stored = alpha ? CleanedPhoto.StoredFormat.PNG : CleanedPhoto.StoredFormat.JPEG;
            byte[] encoded = encode(upright, stored);
            List<String> removed = new ArrayList<>(inventory.kinds());
            // Of the lens only the field of view across the upright photo, rounded to 5°, is kept.
            Optional<FieldOfView> fov = Double.isNaN(inventory.focal35mm()) ? Optional.empty()
                    : Optional.of(FieldOfView.of(inventory.focal35mm(), upright.getWidth(), upright.getHeight()));
            return new CleanedPhoto(stored, upright.getWidth(), upright.getHeight(), encoded, List.copyOf(removed), fov);
        } finally {
            upright.flush();
        }
    }

    private BufferedImage decodeUpright(byte[] upload, SniffedFormat format, int orientation) {
        ImageReader reader = ImageCodecs.reader(format);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            long w = reader.getWidth(0);
            long h = reader.getHeight(0);
            if (w < 1 || h < 1) {
                throw unreadable();
            }
            if (w * h > limits.maxPixels()) {
                throw new ProblemException(ProblemType.PHOTO_DIMENSIONS_TOO_LARGE, "A photo may have at most "
                        + (limits.maxPixels() / 1_000_000) + " megapixels; this one has " + (w * h / 1_000_000)
                        + ". Please send a smaller version.");
            }
            // Two copies at most are alive at once: the decoded image and the upright one.
            try (DecodeBudget.Lease lease = budget.acquire(2 * w * h)) {
                BufferedImage decoded = reader.read(0);
                if (warnings.stream().anyMatch(PhotoCleaner::damaged)) {
                    throw unreadable(); // e.g. "Premature end of JPEG file": the bottom would be grey
                }
                return upright(decoded, orientation);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw unreadable();
        } finally {
            reader.dispose();
        }
    }

    /** Start-of-scan markers in a JPEG (0xFF 0xDA cannot occur inside entropy-coded data, where 0xFF is stuffed). */
    static int scans(byte[] jpeg) {
        int n = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) 0xDA) {
                n++;
            }
        }
        return n;
    }

    /** Warnings that mean missing or broken pixels; others (an ICC profile's rendering intent, say) are harmless. */
    private static boolean damaged(String warning) {
        String w = warning.toLowerCase(java.util.Locale.ROOT);
        return w.contains("truncat") || w.contains("premature") || w.contains("corrupt") || w.contains("missing eoi")
                || w.contains("huffman") || w.contains("bogus") || w.contains("unexpected end");
    }

    private static ProblemException unreadable() {
        return new ProblemException(ProblemType.PHOTO_UNREADABLE,
                "This photo cannot be read: the file looks damaged or incomplete. Please send it again, or another photo.");
    }

    /** Upright pixels in a plain RGB (or ARGB) raster: no colour-model quirks reach the encoder. */
    private static BufferedImage upright(BufferedImage src, int orientation) {
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = Orientation.swapsAxes(orientation);
        boolean alpha = src.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(src, Orientation.transform(orientation, w, h), null);
        } finally {
            g.dispose();
            src.flush();
        }
        return out;
    }

    private static byte[] encode(BufferedImage image, CleanedPhoto.StoredFormat format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format == CleanedPhoto.StoredFormat.JPEG ? "jpeg" : "png");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == CleanedPhoto.StoredFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            // No metadata object: the writer emits pixels and its own minimal header only.
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("re-encoding a photo failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
