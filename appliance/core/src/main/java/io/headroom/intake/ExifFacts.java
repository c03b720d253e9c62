package io.headroom.intake;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.commons.imaging.FormatCompliance;
import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.formats.tiff.TiffContents;
import org.apache.commons.imaging.formats.tiff.TiffDirectory;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffReader;

/**
 * What an EXIF block (a TIFF structure) holds, in plain words, its orientation flag and the lens's
 * focal length as a 35 mm equivalent (from which intake derives the field of view, rounded, for the
 * selfie perspective). Values other than these two are never looked at or kept.
 *
 * @param focal35mm the 35 mm equivalent focal length in mm: the camera's own figure
 *                  ({@code FocalLengthIn35mmFormat}) or, without it, the focal length times the
 *                  sensor's crop factor (from the focal-plane resolution); NaN when unknown
 */
record ExifFacts(Set<String> kinds, int orientation, double focal35mm) {

    static final String GPS = "GPS location";
    static final String CAMERA = "camera make and model";
    static final String SERIAL = "camera serial number";
    static final String TIME = "capture time";
    static final String MAKER_NOTES = "maker notes";
    static final String COMMENTS = "comments and descriptions";
    static final String AUTHOR = "author and copyright";
    static final String SOFTWARE = "editing software";
    static final String THUMBNAIL = "embedded thumbnail";
    static final String ORIENTATION = "orientation flag (applied to the pixels)";
    static final String OTHER = "other camera settings (EXIF)";

    /** Parses a TIFF-structured EXIF payload (starting at the byte-order mark). */
    static ExifFacts parse(byte[] tiff) {
        Set<String> kinds = new LinkedHashSet<>();
        int orientation = 1;
        Optics optics = new Optics();
        try {
            TiffContents contents = new TiffReader(false).readDirectories(ByteSource.array(tiff), true, FormatCompliance.getDefault());
            for (TiffDirectory dir : contents.directories) {
                if (dir.type == 1) {
                    kinds.add(THUMBNAIL);
                }
                for (TiffField f : dir.getDirectoryEntries()) {
                    optics.read(f);
                    switch (f.getTag()) {
                        case 0x8825 -> kinds.add(GPS);
                        case 0x010F, 0x0110, 0xA433, 0xA434 -> kinds.add(CAMERA);
                        case 0xA431, 0xA435 -> kinds.add(SERIAL);
                        case 0x9003, 0x9004, 0x0132, 0x9010, 0x9011 -> kinds.add(TIME);
                        case 0x927C -> kinds.add(MAKER_NOTES);
                        case 0x9286, 0x010E -> kinds.add(COMMENTS);
                        case 0x013B, 0x8298 -> kinds.add(AUTHOR);
                        case 0x0131 -> kinds.add(SOFTWARE);
                        case 0x0201 -> kinds.add(THUMBNAIL);
                        case 0x0112 -> {
                            orientation = orientationOf(f);
                            if (orientation != 1) {
                                kinds.add(ORIENTATION);
                            }
                        }
                        default -> {
                            if (dir.type != -3) { // GPS sub-directory fields are covered by GPS
                                kinds.add(OTHER);
                            }
                        }
                    }
                }
            }
        } catch (Exception e) {
            // Damaged EXIF is still EXIF: it is removed like any other.
            kinds.add(OTHER);
        }
        return new ExifFacts(kinds, orientation, optics.focal35mm());
    }

    /** The lens tags, read as numbers only; a tag that does not read is as if absent. */
    private static final class Optics {
        private double focal35 = Double.NaN;
        private double focal = Double.NaN;
        private double planeResolution = Double.NaN;
        private int planeUnit = 2; // EXIF's default: inches
        private double pixelWidth = Double.NaN;
        private double pixelHeight = Double.NaN;

        void read(TiffField f) {
            try {
                switch (f.getTag()) {
                    case 0xA405 -> focal35 = f.getIntValue();
                    case 0x920A -> focal = f.getDoubleValue();
                    case 0xA20E -> planeResolution = f.getDoubleValue();
                    case 0xA210 -> planeUnit = f.getIntValue();
                    case 0xA002 -> pixelWidth = f.getIntValue();
                    case 0xA003 -> pixelHeight = f.getIntValue();
                    default -> { }
                }
            } catch (Exception e) {
                // Not a number: no figure.
            }
        }

        double focal35mm() {
            if (focal35 >= 8 && focal35 <= 800) {
                return focal35;
            }
            double perMm = switch (planeUnit) {
                case 2 -> planeResolution / 25.4;
                case 3 -> planeResolution / 10;
                case 4 -> planeResolution;
                default -> Double.NaN;
            };
            if (focal > 0 && perMm > 0 && pixelWidth > 0 && pixelHeight > 0) {
                double sensorDiagonal = Math.hypot(pixelWidth, pixelHeight) / perMm;
                double equivalent = focal * Math.hypot(36, 24) / sensorDiagonal;
                if (equivalent >= 8 && equivalent <= 800) {
                    return equivalent;
                }
            }
            return Double.NaN;
        }
    }

    private static int orientationOf(TiffField f) {
        try {
            int v = f.getIntValue();
            return v >= 1 && v <= 8 ? v : 1;
        } catch (Exception e) {
            return 1;
        }
    }
}
