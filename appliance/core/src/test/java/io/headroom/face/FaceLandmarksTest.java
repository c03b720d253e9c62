package io.headroom.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pose and eye measures on hand-placed landmarks, where the right answer is known. */
class FaceLandmarksTest {

    private static List<Point> mesh(double noseX, double lidGap) {
        List<Point> p = new ArrayList<>();
        for (int i = 0; i < 468; i++) {
            p.add(new Point(100, 100));
        }
        p.set(FaceLandmarks.CHEEK_A, new Point(40, 100));
        p.set(FaceLandmarks.CHEEK_B, new Point(160, 100));
        p.set(FaceLandmarks.NOSE_TIP, new Point(noseX, 110));
        // Eyes 30 px wide, lids lidGap apart.
        p.set(33, new Point(60, 90));
        p.set(133, new Point(90, 90));
        p.set(159, new Point(75, 90 - lidGap / 2));
        p.set(145, new Point(75, 90 + lidGap / 2));
        p.set(362, new Point(110, 90));
        p.set(263, new Point(140, 90));
        p.set(386, new Point(125, 90 - lidGap / 2));
        p.set(374, new Point(125, 90 + lidGap / 2));
        return p;
    }

    @Test
    void aCentredNoseIsFacingTheCameraAndAnOffCentreOneIsTurned() {
        assertEquals(0, new FaceLandmarks(mesh(100, 9)).yawDegrees(), 2);
        double turned = new FaceLandmarks(mesh(140, 9)).yawDegrees();
        assertTrue(Math.abs(turned) > FaceAnalysis.LOOKING_AWAY_YAW, "nose far to one side: " + turned);
    }

    @Test
    void eyeOpennessIsLidGapOverEyeWidth() {
        assertEquals(0.3, new FaceLandmarks(mesh(100, 9)).eyeOpenness(), 1e-9);
        assertTrue(new FaceLandmarks(mesh(100, 1.5)).eyeOpenness() < FaceAnalysis.CLOSED_EYES);
    }

    @Test
    void engagementRanksFacingOpenEyedPhotosFirst() {
        assertEquals(1, FaceAnalysis.engagement(0, 0.3), 1e-9);
        assertTrue(FaceAnalysis.engagement(20, 0.3) < 1);
        assertTrue(FaceAnalysis.engagement(0, 0.05) < 0.3);
        assertEquals(1, FaceAnalysis.engagement(Double.NaN, Double.NaN), 1e-9, "no landmarks, no change");
    }
}
