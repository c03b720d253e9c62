package io.headroom.intake;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the metadata an upload carries, in words a person understands ("GPS location", "camera
 * make and model", …), and finds its EXIF orientation. It walks the container (JPEG segments,
 * PNG chunks, WebP RIFF chunks) without decoding pixels. None of it is kept: the cleaned photo is
 * re-encoded from pixels only.
 */
public final class MetadataInventory {

    static final String XMP = "XMP metadata";
    static final String IPTC = "IPTC data";
    static final String ICC = "colour profile";
    static final String COMMENT = "comments and descriptions";
    static final String TEXT = "text notes";
    static final String OTHER_EMBEDDED = "other embedded data";
    static final String TIME = ExifFacts.TIME;

    private static final byte[] EXIF_ID = {'E', 'x', 'i', 'f', 0, 0};
    private static final byte[] XMP_ID = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XMP_EXT_ID = "http://ns.adobe.com/xmp/extension/\0".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * Kinds found, in a stable order, the orientation (1 = as stored) and the lens's 35 mm equivalent
     * focal length (NaN when the photo does not say).
     */
    public record Inventory(List<String> kinds, int orientation, double focal35mm) {
    }

    private MetadataInventory() {
    }

    public static Inventory of(byte[] bytes, SniffedFormat format) {
        Set<String> kinds = new LinkedHashSet<>();
        int[] orientation = {1};
        double[] focal = {Double.NaN};
        try {
            switch (format) {
                case JPEG -> jpeg(bytes, kinds, orientation, focal);
                case PNG -> png(bytes, kinds, orientation, focal);
                case WEBP -> webp(bytes, kinds, orientation, focal);
                default -> { }
            }
        } catch (RuntimeException e) {
            // A malformed container: the decoder will judge the pixels; what was found so far stands.
        }
        List<String> ordered = new java.util.ArrayList<>(kinds);
        ordered.sort(java.util.Comparator.comparingInt(MetadataInventory::rank));
        return new Inventory(List.copyOf(ordered), orientation[0], focal[0]);
    }

    /** Most telling first: where, who and when before the technical rest. */
    private static final List<String> ORDER = List.of(ExifFacts.GPS, ExifFacts.CAMERA, ExifFacts.SERIAL, ExifFacts.TIME,
            ExifFacts.AUTHOR, ExifFacts.COMMENTS, XMP, IPTC, ExifFacts.MAKER_NOTES, ExifFacts.THUMBNAIL, ICC, TEXT,
            ExifFacts.SOFTWARE, ExifFacts.ORIENTATION, ExifFacts.OTHER, OTHER_EMBEDDED);

    private static int rank(String kind) {
        int i = ORDER.indexOf(kind);
        return i < 0 ? ORDER.size() : i;
    }

    private static void exif(byte[] tiff, Set<String> kinds, int[] orientation, double[] focal) {
        ExifFacts facts = ExifFacts.parse(tiff);
        kinds.addAll(facts.kinds());
        orientation[0] = facts.orientation();
        if (!Double.isNaN(facts.focal35mm())) {
            focal[0] = facts.focal35mm();
        }
    }

    private static void jpeg(byte[] b, Set<String> kinds, int[] orientation, double[] focal) {
        int pos = 2;
        while (pos + 4 <= b.length) {
            if ((b[pos] & 0xFF) != 0xFF) {
                return;
            }
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0xFF) {
                pos += marker == 0xFF ? 1 : 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return; // start of scan: no metadata segments after it in practice
            }
            int length = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            int start = pos + 4;
            int end = Math.min(b.length, pos + 2 + length);
            if (length < 2 || start > end) {
                return;
            }
            if (marker == 0xE1 && startsWith(b, start, EXIF_ID)) {
                exif(Arrays.copyOfRange(b, start + EXIF_ID.length, end), kinds, orientation, focal);
            } else if (marker == 0xE1 && (startsWith(b, start, XMP_ID) || startsWith(b, start, XMP_EXT_ID))) {
                kinds.add(XMP);
            } else if (marker == 0xE2 && startsWith(b, start, "ICC_PROFILE".getBytes(StandardCharsets.ISO_8859_1))) {
                kinds.add(ICC);
            } else if (marker == 0xED) {
                kinds.add(IPTC);
            } else if (marker == 0xFE) {
                kinds.add(COMMENT);
            } else if (marker >= 0xE1 && marker <= 0xEF) {
                kinds.add(OTHER_EMBEDDED);
            }
            pos = end;
        }
    }

    private static void png(byte[] b, Set<String> kinds, int[] orientation, double[] focal) {
        int pos = 8;
        while (pos + 12 <= b.length) {
            int length = ByteBuffer.wrap(b, pos, 4).getInt();
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int start = pos + 8;
            if (length < 0 || start + length > b.length) {
                return;
            }
            switch (type) {
                case "eXIf" -> exif(Arrays.copyOfRange(b, start, start + length), kinds, orientation, focal);
                case "iTXt", "tEXt", "zTXt" -> kinds.add(
                        startsWith(b, start, "XML:com.adobe.xmp".getBytes(StandardCharsets.ISO_8859_1)) ? XMP : TEXT);
                case "iCCP" -> kinds.add(ICC);
                case "tIME" -> kinds.add(TIME);
                case "IEND" -> {
                    return;
                }
                default -> { }
            }
            pos = start + length + 4;
        }
    }

    private static void webp(byte[] b, Set<String> kinds, int[] orientation, double[] focal) {
        int pos = 12;
        while (pos + 8 <= b.length) {
            String type = new String(b, pos, 4, StandardCharsets.ISO_8859_1);
            int length = ByteBuffer.wrap(b, pos + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            int start = pos + 8;
            if (length < 0 || start + length > b.length) {
                return;
            }
            switch (type) {
                case "EXIF" -> {
                    int off = startsWith(b, start, EXIF_ID) ? EXIF_ID.length : 0;
                    exif(Arrays.copyOfRange(b, start + off, start + length), kinds, orientation, focal);
                }
                case "XMP " -> kinds.add(XMP);
                case "ICCP" -> kinds.add(ICC);
                default -> { }
            }
            pos = start + length + (length & 1);
        }
    }

    private static boolean startsWith(byte[] b, int off, byte[] prefix) {
        if (off + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[off + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
