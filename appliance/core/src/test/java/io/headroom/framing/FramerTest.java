package io.headroom.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.face.Face;
import io.headroom.face.PhotoAnalysis;
import io.headroom.face.TestDetectors;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.intake.TestPhotos;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Framing geometry checked the way a person would: find the eyes again in the output. */
class FramerTest {

    private static final PhotoCleaner INTAKE = new PhotoCleaner(IntakeLimits.DEFAULT, new DecodeBudget(200_000_000L, Duration.ofSeconds(5)));
    private final Framer framer = new Framer(FramingRules.DEFAULT);

    private static byte[] cleaned(String name) {
        return INTAKE.clean(TestPhotos.bytes(name)).encoded();
    }

    private static int photoWidth(byte[] photo) {
        return new EncodedImageSource(photo).width();
    }

    private static int photoHeight(byte[] photo) {
        return new EncodedImageSource(photo).height();
    }

    private static BufferedImage decode(byte[] b) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(b));
    }

    @ParameterizedTest
    @ValueSource(strings = {"london_005_neutral.jpg", "london_005_neutral_tilt35ccw.jpg", "obama_2012_oval_office_portrait.jpg",
            "lisa_webcam_01_rot90cw.jpg", "riga_old_man_REAL_GPS_xmp_face_region.jpg"})
    void eyesLevelOnTheEyeLineFaceSizedAndCentred(String name) throws Exception {
        byte[] photo = cleaned(name);
        Face face = TestDetectors.analyseCleaned(photo).face().orElseThrow();
        for (Aspect aspect : List.of(Aspect.SQUARE, Aspect.PORTRAIT)) {
            Framed framed = framer.frame(new EncodedImageSource(photo), face, aspect);
            BufferedImage out = framed.image();
            assertEquals(aspect.width(), out.getWidth());
            assertEquals(aspect.height(), out.getHeight());
            Face again = TestDetectors.detectOne(out);
            String what = name + " " + aspect.name() + ": ";
            assertTrue(Math.abs(again.rollDegrees()) < 4, what + "eyes level, roll " + again.rollDegrees());
            double eyeLine = again.eyeCentre().y() / out.getHeight();
            assertTrue(Math.abs(eyeLine - framed.composition().eyeLine()) < 0.03, what + "eye line at " + eyeLine);
            double centre = again.eyeCentre().x() / out.getWidth();
            assertTrue(Math.abs(centre - 0.5) < 0.03, what + "centred, at " + centre);
            double faceWidth = 2.5 * again.interEyeDistance() / out.getWidth();
            assertTrue(Math.abs(faceWidth - framed.composition().faceWidth()) < 0.06, what + "face width " + faceWidth);
            if (framer.compose(photoWidth(photo), photoHeight(photo), face, aspect).isPresent()) {
                assertTrue(!framed.padded().contains("bottom") && !framed.padded().contains("left") && !framed.padded().contains("right"),
                        what + "the photo fills the frame below and beside the person: " + framed.padded());
            }
        }
    }

    /**
     * The same person at 60 cm fills the style's own composition; at 15 cm only a closer one (face
     * larger, eye line lower), which still has the photo all along the frame's bottom and sides.
     */
    @Test
    void aCloseSelfieIsFramedCloserInsteadOfFloating() {
        for (String name : List.of("lisa_zoom_60cm.jpg", "lisa_zoom_15cm.jpg")) {
            byte[] photo = cleaned(name);
            Face face = TestDetectors.analyseCleaned(photo).face().orElseThrow();
            EncodedImageSource source = new EncodedImageSource(photo);
            for (Aspect aspect : List.of(Aspect.SQUARE, Aspect.PORTRAIT)) {
                Composition c = framer.compose(source.width(), source.height(), face, aspect).orElseThrow();
                String what = name + " " + aspect.name() + ": ";
                if (name.contains("60cm")) {
                    assertEquals(Composition.STYLE, c.name(), what + c);
                } else {
                    assertEquals(Composition.CLOSER, c.name(), what + c);
                    assertTrue(c.faceWidth() > FramingRules.DEFAULT.faceWidth() && c.eyeLine() > FramingRules.DEFAULT.eyeLine(), what + c);
                }
                Framed framed = framer.frame(source, face, aspect, c);
                assertFalse(framed.padded().contains("bottom"), what + framed.padded());
            }
        }
    }

    /** A photo that ends just under the chin fills no composition: it is not framed into a floating head. */
    @Test
    void aPhotoEndingUnderTheChinFillsNoComposition() throws Exception {
        byte[] photo = cleaned("london_005_neutral.jpg");
        BufferedImage full = decode(photo);
        Face face = TestDetectors.analyseCleaned(photo).face().orElseThrow();
        int chin = (int) (face.eyeCentre().y() + 1.6 * face.interEyeDistance());
        BufferedImage cropped = full.getSubimage(0, 0, full.getWidth(), chin);
        Face same = TestDetectors.analyseImage(cropped).face().orElseThrow();
        assertTrue(framer.compose(cropped.getWidth(), cropped.getHeight(), same, Aspect.PORTRAIT).isEmpty());
        assertTrue(framer.closeness(cropped.getWidth(), cropped.getHeight(), same, Aspect.SQUARE).isEmpty());
        assertEquals(0.0, framer.closeness(full.getWidth(), full.getHeight(), face, Aspect.SQUARE).orElseThrow(),
                "the whole photo fills the style's own square");
    }

    @Test
    void whereThePhotoEndsTheFrameIsExtendedNotBlackAndSaysSo() throws Exception {
        byte[] photo = cleaned("london_005_neutral.jpg");
        BufferedImage full = decode(photo);
        // Cut the photo just above the hair: the frame must reach beyond its top edge.
        Face face = TestDetectors.analyseCleaned(photo).face().orElseThrow();
        int cut = (int) Math.max(0, face.eyeCentre().y() - 1.4 * face.interEyeDistance());
        BufferedImage cropped = full.getSubimage(0, cut, full.getWidth(), full.getHeight() - cut);
        Face shifted = TestDetectors.analyseImage(cropped).face().orElseThrow();
        Framed framed = framer.frame(ImageRegionSource.of(cropped), shifted, Aspect.PORTRAIT);
        assertTrue(framed.padded().contains("top"), framed.padded().toString());
        BufferedImage out = framed.image();
        long dark = 0;
        for (int x = 0; x < out.getWidth(); x++) {
            int p = out.getRGB(x, 2);
            if (((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF) < 60) {
                dark++;
            }
        }
        assertTrue(dark < out.getWidth() / 20, "no black bar along the padded top: " + dark + " dark pixels");
        assertEquals(List.of(), framer.frame(new EncodedImageSource(photo), face, Aspect.SQUARE).padded(), "a roomy photo needs no padding");
    }

    @Test
    void framingReadsOnlyAReducedRegionOfALargePhoto() throws Exception {
        byte[] photo = cleaned("riga_old_man_REAL_GPS_xmp_face_region.jpg");
        Face face = TestDetectors.analyseCleaned(photo).face().orElseThrow();
        EncodedImageSource real = new EncodedImageSource(photo);
        List<int[]> reads = new ArrayList<>();
        ImageRegionSource spy = new ImageRegionSource() {
            @Override
            public int width() {
                return real.width();
            }

            @Override
            public int height() {
                return real.height();
            }

            @Override
            public BufferedImage read(Rectangle region, int subsampling) {
                BufferedImage b = real.read(region, subsampling);
                reads.add(new int[] {b.getWidth(), b.getHeight()});
                return b;
            }
        };
        Aspect small = new Aspect("1:1", 256, 256);
        framer.frame(spy, face, small);
        assertEquals(1, reads.size());
        assertTrue(reads.get(0)[0] <= 4 * small.width() && reads.get(0)[1] <= 4 * small.height(),
                "at most about twice the output per side: " + reads.get(0)[0] + "x" + reads.get(0)[1]);
    }

    /**
     * Disclosure, read back with commons-imaging: the headshot's only metadata is an XMP packet
     * with the IPTC digital source type; no EXIF, no comment, no other XMP property. Off, nothing.
     */
    @Test
    void headshotsSayHowTheyWereEditedAndNothingElse() throws Exception {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        byte[] disclosed = new HeadshotEncoder(92, "").encode(img, DigitalSourceType.COMPOSITE_SYNTHETIC);
        assertEquals(null, Imaging.getMetadata(disclosed), "no EXIF or other metadata");
        String xmp = Imaging.getXmpXml(disclosed);
        assertTrue(xmp.contains("<Iptc4xmpExt:DigitalSourceType>http://cv.iptc.org/newscodes/digitalsourcetype/compositeSynthetic<"), xmp);
        // One property in one description: strip the packet's frame and the one element, nothing is left.
        String rest = xmp.replaceAll("<\\?xpacket[^>]*\\?>", "").replaceAll("</?x:xmpmeta[^>]*>", "").replaceAll("</?rdf:RDF[^>]*>", "")
                .replaceAll("</?rdf:Description[^>]*>", "").replaceAll("<Iptc4xmpExt:DigitalSourceType>[^<]*</Iptc4xmpExt:DigitalSourceType>", "");
        assertEquals("", rest.strip(), "nothing else in the XMP: " + xmp);
        assertFalse(new String(disclosed, java.nio.charset.StandardCharsets.ISO_8859_1).contains("\u00FF\u00FE"), "no JPEG comment");
        assertEquals(64, decode(disclosed).getWidth(), "still a valid JPEG");

        byte[] off = new HeadshotEncoder(92, "", false).encode(img, DigitalSourceType.COMPOSITE_SYNTHETIC);
        assertEquals(null, Imaging.getXmpXml(off));
        assertEquals(null, Imaging.getMetadata(off));
    }

    @Test
    void headshotsCarryNoMetadataButTheOptionalComment() throws Exception {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        byte[] plain = new HeadshotEncoder(92, "").encode(img);
        assertEquals(null, Imaging.getMetadata(plain));
        byte[] signed = new HeadshotEncoder(92, "edited with Headroom").encode(img);
        assertTrue(new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1).contains("edited with Headroom"));
        assertEquals(64, decode(signed).getWidth());
    }
}
