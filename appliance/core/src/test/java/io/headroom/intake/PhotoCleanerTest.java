package io.headroom.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhotoCleanerTest {

    private final PhotoCleaner cleaner = new PhotoCleaner(IntakeLimits.DEFAULT, new DecodeBudget(200_000_000L, Duration.ofSeconds(5)));

    private static ProblemType refusal(Runnable r) {
        return assertThrows(ProblemException.class, r::run).type();
    }

    @ParameterizedTest
    @ValueSource(strings = {"london_025_neutral_INJECTED_gps_exif_only.jpg", "riga_old_man_REAL_GPS_xmp_face_region.jpg",
            "lisa_webcam_03_INJECTED_gps.png", "london_005_smiling_INJECTED_gps.webp"})
    void gpsAndEveryOtherMetadataIsGoneAndReported(String name) throws Exception {
        CleanedPhoto photo = cleaner.clean(TestPhotos.bytes(name));
        assertTrue(photo.removedMetadata().contains("GPS location"), name + ": " + photo.removedMetadata());

        ImageMetadata metadata = Imaging.getMetadata(photo.encoded());
        if (metadata instanceof JpegImageMetadata jpeg) {
            assertNull(jpeg.getExif(), "no EXIF directory");
            assertNull(jpeg.getPhotoshop(), "no IPTC (Photoshop) directory");
        } else {
            assertTrue(metadata == null || metadata.getItems().isEmpty(), "no metadata items: " + metadata);
        }
        assertNull(Imaging.getXmpXml(photo.encoded()), "no XMP");
        assertEquals(java.util.List.of(), MetadataInventory.of(photo.encoded(), SniffedFormat.of(photo.encoded())).kinds(),
                "no EXIF, XMP, IPTC, ICC, comment or text chunk of any kind");
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(photo.encoded()));
        assertEquals(photo.width(), back.getWidth());
        assertEquals(photo.height(), back.getHeight());
    }

    @Test
    void reportsWhatItRemovedInPlainWords() {
        CleanedPhoto photo = cleaner.clean(TestPhotos.bytes("london_025_neutral_INJECTED_gps_exif_only.jpg"));
        assertTrue(photo.removedMetadata().containsAll(java.util.List.of("GPS location", "camera make and model", "capture time")),
                photo.removedMetadata().toString());
        CleanedPhoto riga = cleaner.clean(TestPhotos.bytes("riga_old_man_REAL_GPS_xmp_face_region.jpg"));
        assertTrue(riga.removedMetadata().contains("XMP metadata"), riga.removedMetadata().toString());
    }

    @Test
    void opaquePhotosBecomeJpegAndTransparentOnesPng() {
        assertEquals(CleanedPhoto.StoredFormat.JPEG, cleaner.clean(TestPhotos.bytes("lisa_webcam_01.jpg")).format());
        CleanedPhoto rgba = cleaner.clean(TestPhotos.bytes("obama_2009_congress_address_rgba.png"));
        assertEquals(CleanedPhoto.StoredFormat.PNG, rgba.format());
        assertEquals(626, rgba.width());
        assertEquals(1200, rgba.height());
    }

    @Test
    void exifOrientationIsAppliedToThePixels() throws Exception {
        byte[] original = TestPhotos.bytes("london_030_neutral_exif_orientation_6.jpg");
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(original)); // the JDK ignores EXIF orientation
        BufferedImage cleaned = ImageIO.read(new ByteArrayInputStream(cleaner.clean(original).encoded()));
        // Orientation 6 means "rotate 90° clockwise to display": cleaned(x, y) = stored(y, H-1-x).
        double rotated = meanDifference(cleaned, stored, true);
        double asStored = meanDifference(cleaned, stored, false);
        assertTrue(rotated < 12, "cleaned pixels match the rotated original: " + rotated);
        assertTrue(asStored > 2 * rotated, "and not the original as stored: " + asStored);
        assertFalse(cleaner.clean(original).removedMetadata().isEmpty());
    }

    private static double meanDifference(BufferedImage cleaned, BufferedImage stored, boolean rotate) {
        long sum = 0;
        int n = 0;
        int h = stored.getHeight();
        for (int y = 0; y < cleaned.getHeight(); y += 7) {
            for (int x = 0; x < cleaned.getWidth(); x += 7) {
                int a = cleaned.getRGB(x, y);
                int b = rotate ? stored.getRGB(y, h - 1 - x) : stored.getRGB(x, y);
                sum += Math.abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF)) + Math.abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF))
                        + Math.abs((a & 0xFF) - (b & 0xFF));
                n += 3;
            }
        }
        return (double) sum / n;
    }

    @Test
    void heicIsRefusedWithAWayOut() {
        ProblemException e = assertThrows(ProblemException.class, () -> cleaner.clean(TestPhotos.bytes("lisa_webcam_04_INJECTED_gps.heic")));
        assertEquals(ProblemType.HEIC_NOT_SUPPORTED, e.type());
        assertEquals(415, e.type().status());
        assertTrue(e.detail().contains("JPEG"));
    }

    @Test
    void emptyAndNonImageFilesAreUnsupported() {
        assertEquals(ProblemType.UNSUPPORTED_PHOTO_FORMAT, refusal(() -> cleaner.clean(new byte[0])));
        assertEquals(ProblemType.UNSUPPORTED_PHOTO_FORMAT,
                refusal(() -> cleaner.clean("just some text, named selfie.jpg".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void truncatedPhotosAreUnreadable() {
        byte[] jpeg = TestPhotos.bytes("lisa_webcam_01.jpg");
        assertEquals(ProblemType.PHOTO_UNREADABLE, refusal(() -> cleaner.clean(Arrays.copyOf(jpeg, jpeg.length / 2))));
        byte[] png = TestPhotos.bytes("lisa_webcam_03_INJECTED_gps.png");
        assertEquals(ProblemType.PHOTO_UNREADABLE, refusal(() -> cleaner.clean(Arrays.copyOf(png, png.length / 2))));
        assertEquals(ProblemType.PHOTO_UNREADABLE, refusal(() -> cleaner.clean(Arrays.copyOf(jpeg, 200))));
    }

    @Test
    void aHarmlessDecoderWarningDoesNotRefuseAPhoto() {
        // Its ICC profile makes the decoder warn about the rendering intent; the pixels are whole.
        CleanedPhoto photo = cleaner.clean(TestPhotos.bytes("happy_couple_2faces_ccby.jpg"));
        assertEquals(1447, photo.width());
    }

    @Test
    void aPixelBombIsRefusedFromItsHeaderWithoutAllocatingIt() {
        DecodeBudget tiny = new DecodeBudget(4096, Duration.ofMillis(1));
        PhotoCleaner c = new PhotoCleaner(IntakeLimits.DEFAULT, tiny);
        ProblemException e = assertThrows(ProblemException.class, () -> c.clean(TestPhotos.pixelBombPng(50_000, 50_000)));
        assertEquals(ProblemType.PHOTO_DIMENSIONS_TOO_LARGE, e.type());
        assertTrue(e.detail().contains("2500"), e.detail());
        assertEquals(4096, tiny.available(), "no budget was even asked for");
    }

    @Test
    void fileSizeIsCheckedFirst() {
        PhotoCleaner strict = new PhotoCleaner(new IntakeLimits(1000, 40_000_000L, 20), new DecodeBudget(100_000_000L, Duration.ofSeconds(1)));
        assertEquals(ProblemType.PHOTO_TOO_LARGE, refusal(() -> strict.clean(TestPhotos.bytes("lisa_webcam_01.jpg"))));
    }

    @Test
    void whenTheDecodeBudgetStaysFullTheAnswerIsBusy() {
        DecodeBudget budget = new DecodeBudget(2_000_000L, Duration.ofMillis(50));
        PhotoCleaner c = new PhotoCleaner(IntakeLimits.DEFAULT, budget);
        try (DecodeBudget.Lease held = budget.acquire(2_000_000L)) {
            assertEquals(ProblemType.BUSY, refusal(() -> c.clean(TestPhotos.bytes("lisa_webcam_01.jpg"))));
        }
        assertEquals(CleanedPhoto.StoredFormat.JPEG, c.clean(TestPhotos.bytes("lisa_webcam_01.jpg")).format(), "free again after release");
    }

    /**
     * Without a 35 mm equivalent, the focal length and the sensor's size (from the focal-plane
     * resolution and the pixel dimensions) give it: a 4.25 mm lens on a 5.6 × 4.2 mm sensor is
     * 26 mm equivalent, 53° across a 3:4 portrait, kept as 55°. Only that angle is kept.
     */
    @Test
    void theFocalLengthAndTheSensorsSizeGiveTheFieldOfView() throws Exception {
        org.apache.commons.imaging.formats.tiff.write.TiffOutputSet exif = new org.apache.commons.imaging.formats.tiff.write.TiffOutputSet();
        org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory dir = exif.getOrCreateExifDirectory();
        dir.add(org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants.EXIF_TAG_FOCAL_LENGTH,
                org.apache.commons.imaging.common.RationalNumber.valueOf(4.25));
        dir.add(org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants.EXIF_TAG_FOCAL_PLANE_XRESOLUTION_EXIF_IFD,
                org.apache.commons.imaging.common.RationalNumber.valueOf(4000 / 0.56));
        dir.add(org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants.EXIF_TAG_FOCAL_PLANE_RESOLUTION_UNIT_EXIF_IFD, (short) 3);
        dir.add(org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants.EXIF_TAG_EXIF_IMAGE_WIDTH, (short) 4000);
        dir.add(org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants.EXIF_TAG_EXIF_IMAGE_LENGTH, (short) 3000);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter().updateExifMetadataLossless(TestPhotos.bytes("lisa_zoom_15cm.jpg"), out, exif);
        CleanedPhoto photo = cleaner.clean(out.toByteArray());
        assertEquals(55, photo.fieldOfView().orElseThrow().degrees());
        assertFalse(photo.fieldOfView().orElseThrow().assumed());
        assertTrue(cleaner.clean(TestPhotos.bytes("lisa_zoom_15cm.jpg")).fieldOfView().isEmpty(), "no EXIF, no field of view");
        ImageMetadata metadata = Imaging.getMetadata(photo.encoded());
        assertTrue(metadata == null || ((JpegImageMetadata) metadata).getExif() == null, "the EXIF itself is gone");
    }
}
