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
 * Writes a headshot as an sRGB JPEG whose only metadata is, when disclosure is on (the default),
 * an XMP packet with the IPTC digital source type that says how the photo was edited, and, when
 * configured, one comment (for example "edited with Headroom"). Nothing else: no personal data,
 * no time, no device. The comment must not carry anything personal.
 */
public final class HeadshotEncoder {

    private final float quality;
    private final String comment;
    private final boolean disclose;

    /** With disclosure on. */
    public HeadshotEncoder(int quality, String comment) {
        this(quality, comment, true);
    }

    /**
     * @param quality  1–100
     * @param comment  text for a JPEG comment, or empty for none
     * @param disclose whether headshots carry their digital source type
     */
    public HeadshotEncoder(int quality, String comment, boolean disclose) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality is 1 to 100");
        }
        this.quality = quality / 100f;
        this.comment = comment == null ? "" : comment.strip();
        this.disclose = disclose;
    }

    /** A headshot, carrying {@code type} when disclosure is on. */
    public byte[] encode(BufferedImage image, DigitalSourceType type) {
        byte[] jpeg = encode(image);
        return disclose ? withXmp(jpeg, xmp(type)) : jpeg;
    }

    /** Any image (a contact sheet, a preview), with the comment if configured and no source type. */
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

    /**
     * A cut-out: PNG with alpha, no metadata but, when disclosure is on, the same XMP packet as a
     * headshot's (an iTXt chunk "XML:com.adobe.xmp" right after the header, as XMP's PNG binding
     * places it).
     */
    public byte[] encodePng(BufferedImage image, DigitalSourceType type) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] png = bytes.toByteArray();
        return disclose ? withPngXmp(png, xmp(type)) : png;
    }

    static byte[] withPngXmp(byte[] png, String packet) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] keyword = "XML:com.adobe.xmp".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        data.write(keyword, 0, keyword.length);
        data.write(0); // end of keyword
        data.write(0); // not compressed
        data.write(0); // compression method
        data.write(0); // no language tag
        data.write(0); // no translated keyword
        byte[] text = packet.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        data.write(text, 0, text.length);
        byte[] body = data.toByteArray();
        byte[] type = "iTXt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type);
        crc.update(body);
        int afterHeader = 8 + 4 + 4 + 13 + 4; // signature, then IHDR: length, type, 13 bytes, CRC
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + body.length + 12);
        out.write(png, 0, afterHeader);
        writeInt(out, body.length);
        out.write(type, 0, type.length);
        out.write(body, 0, body.length);
        writeInt(out, (int) crc.getValue());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write((v >>> 16) & 0xFF);
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
    }

    /** The XMP packet: the digital source type and nothing else. */
    static String xmp(DigitalSourceType type) {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\">"
                + "<Iptc4xmpExt:DigitalSourceType>" + type.uri() + "</Iptc4xmpExt:DigitalSourceType>"
                + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"r\"?>";
    }

    /** Inserts an APP1 XMP segment after the JPEG's SOI and its JFIF APP0 segment, if any. */
    static byte[] withXmp(byte[] jpeg, String packet) {
        byte[] header = "http://ns.adobe.com/xap/1.0/\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] body = packet.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int length = 2 + header.length + body.length;
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + length + 2);
        out.write(jpeg, 0, at);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(header, 0, header.length);
        out.write(body, 0, body.length);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
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
