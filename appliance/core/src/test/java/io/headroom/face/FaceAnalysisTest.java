package io.headroom.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.intake.TestPhotos;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Verdicts over the licensed test photos, each through intake first (EXIF orientation applied), as in the appliance. */
class FaceAnalysisTest {

    private static final PhotoCleaner INTAKE = new PhotoCleaner(IntakeLimits.DEFAULT, new DecodeBudget(200_000_000L, Duration.ofSeconds(5)));

    static PhotoAnalysis analyse(String name) {
        return TestDetectors.analyseCleaned(INTAKE.clean(TestPhotos.bytes(name)).encoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"london_005_neutral.jpg", "london_005_smiling.jpg", "london_006_neutral.jpg", "london_006_smiling.jpg",
            "london_021_neutral.jpg", "london_021_smiling.jpg"})
    void everyNeutralLondonPortraitPassesWhateverTheSkinTone(String name) {
        PhotoAnalysis a = analyse(name);
        assertEquals(List.of(), a.reasons(), name);
        io.headroom.face.Pose pose = a.pose().orElseThrow();
        assertTrue(Math.abs(pose.yaw()) < 15, name + " faces the camera: yaw " + pose.yaw());
        assertTrue(Math.abs(pose.pitch()) < 12, name + " holds the head level: pitch " + pose.pitch());
        assertTrue(pose.eyeOpenness() > 0.15, name + " has open eyes: " + pose.eyeOpenness());
        assertTrue(a.usable());
        assertTrue(a.quality() > 0.8, name + " quality " + a.quality());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lisa_webcam_01.jpg", "lisa_webcam_02.jpg", "lisa_webcam_03.jpg", "lisa_webcam_04.jpg",
            "obama_2009_congress_address.jpg", "obama_2010_blue_room.jpg", "obama_2012_oval_office_portrait.jpg",
            "riga_old_man_REAL_GPS_xmp_face_region.jpg", "london_025_neutral_INJECTED_gps_exif_only.jpg",
            "lisa_webcam_01_rot90cw.jpg", "london_005_neutral_tilt35ccw.jpg",
            "london_030_neutral_exif_orientation_3.jpg", "london_030_neutral_exif_orientation_6.jpg"})
    void aFaceIsFoundInEverySingleFacePhotoIncludingTurnedOnes(String name) {
        PhotoAnalysis a = analyse(name);
        assertTrue(a.face().isPresent(), name);
        assertEquals(1, a.faces(), name);
        assertTrue(a.usable(), name + ": " + a.reasons());
    }

    @Test
    void theMouthStateReadsClosedLipsAndSpeech() {
        assertEquals(Pose.Mouth.CLOSED, analyse("london_005_neutral.jpg").pose().orElseThrow().mouth());
        assertEquals(Pose.Mouth.OPEN, analyse("obama_2009_congress_address.jpg").pose().orElseThrow().mouth(), "mid-sentence at the lectern");
    }

    @Test
    void aTiltedFaceIsMeasuredAsTilted() {
        double roll = analyse("london_005_neutral_tilt35ccw.jpg").face().orElseThrow().rollDegrees();
        assertTrue(Math.abs(Math.abs(roll) - 35) < 8, "roll " + roll);
        double sideways = analyse("lisa_webcam_01_rot90cw.jpg").face().orElseThrow().rollDegrees();
        assertTrue(Math.abs(Math.abs(sideways) - 90) < 15, "a face on its side: roll " + sideways);
        assertTrue(Math.abs(analyse("london_030_neutral_exif_orientation_6.jpg").face().orElseThrow().rollDegrees()) < 8,
                "upright after intake applied EXIF orientation");
    }

    @ParameterizedTest
    @ValueSource(ints = {45, -45, 90, 180, 270})
    void aFaceTurnedInThePlaneIsStillFound(int degrees) throws Exception {
        java.awt.image.BufferedImage upright = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(TestPhotos.bytes("london_021_neutral.jpg")));
        double r = Math.toRadians(degrees);
        int w = upright.getWidth();
        int h = upright.getHeight();
        int side = (int) Math.ceil(Math.hypot(w, h));
        java.awt.image.BufferedImage turned = new java.awt.image.BufferedImage(side, side, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = turned.createGraphics();
        g.setColor(java.awt.Color.GRAY);
        g.fillRect(0, 0, side, side);
        g.rotate(r, side / 2.0, side / 2.0);
        g.drawImage(upright, (side - w) / 2, (side - h) / 2, null);
        g.dispose();
        PhotoAnalysis a = TestDetectors.analyseImage(turned);
        assertTrue(a.face().isPresent(), "found at " + degrees + "°");
        double roll = a.face().get().rollDegrees();
        double expected = ((degrees + 540) % 360) - 180;
        double off = Math.abs(((roll - expected) + 540) % 360 - 180);
        assertTrue(off < 12, "roll " + roll + " for a face turned " + degrees + "°");
    }

    @ParameterizedTest
    @ValueSource(strings = {"brick_texture_gray.png", "cat_face_chelsea.png", "coffee_cup.png"})
    void noFace(String name) {
        assertEquals(List.of(Verdict.NO_FACE), analyse(name).reasons(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"brothers_c1870_2faces_ccby.jpg", "happy_couple_2faces_ccby.jpg"})
    void twoFaces(String name) {
        PhotoAnalysis a = analyse(name);
        assertTrue(a.reasons().contains(Verdict.MORE_THAN_ONE_FACE), name + ": " + a.reasons());
        assertEquals(2, a.faces());
    }

    @ParameterizedTest
    @ValueSource(strings = {"london_006_neutral_48x48.jpg", "expedition_1897_5people_tiny_faces.jpg"})
    void tinyFaces(String name) {
        assertTrue(analyse(name).reasons().contains(Verdict.FACE_TOO_SMALL), name);
    }

    @Test
    void blurredAndDarkPhotosAreCalledSo() {
        assertEquals(List.of(Verdict.TOO_BLURRY), analyse("lisa_zoom_30cm_gaussian_blur_r8.jpg").reasons());
        assertEquals(List.of(Verdict.TOO_DARK), analyse("london_042_neutral_underexposed.jpg").reasons());
    }

    @Test
    void verdictsSpeakToThePerson() {
        for (Verdict v : Verdict.values()) {
            assertTrue(v.message().endsWith(".") && v.message().length() > 20, v.message());
            assertTrue(v.code().matches("[a-z]+(-[a-z]+)*"));
        }
    }
}
