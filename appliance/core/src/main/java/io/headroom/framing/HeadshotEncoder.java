package io.headroom.framing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/**
 * Writes a headshot as an sRGB JPEG with no metadata at all, except, when configured, one
 * comment (for example "edited with Headroom"). The comment must not carry anything personal.
 */
public final class HeadshotEncoder {

    private final float quality;
    private final String comment;

    /**
     * @param quality 1–100
     * @param comment text for a JPEG comment, or empty for none
     */
    public HeadshotEncoder(int quality, String comment) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality is 1 to 100");
        }
        this.quality = quality / 100f;
        this.comment = comment == null ? "" : comment.strip();
    }

    public byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            IIOMetadata metadata = null;
            if (!comment.isEmpty()) {
                metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
                addComment(metadata, comment);
            }
            writer.write(null, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static void addComment(IIOMetadata metadata, String text) throws IOException {
        String format = "javax_imageio_jpeg_image_1.0";
        Node root = metadata.getAsTree(format);
        Node sequence = null;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("markerSequence")) {
                sequence = n;
            }
        }
        if (sequence == null) {
            return;
        }
        IIOMetadataNode com = new IIOMetadataNode("com");
        com.setAttribute("comment", text);
        sequence.appendChild(com);
        metadata.setFromTree(format, root);
    }
}
