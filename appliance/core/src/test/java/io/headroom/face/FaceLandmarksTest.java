package io.headroom.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pose and eye measures on hand-placed landmarks, where the right answer is known. */
class FaceLandmarksTest {

    private static FaceLandmarks mesh(double noseX, double lidGap) {
        return new FaceLandmarks(points(noseX, lidGap), java.util.Collections.nCopies(468, 0.0));
    }

    private static List<Point> points(double noseX, double lidGap) {
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
        assertEquals(0, mesh(100, 9).yawDegrees(), 2);
        double turned = mesh(140, 9).yawDegrees();
        assertTrue(Math.abs(turned) > FaceAnalysis.LOOKING_AWAY_YAW, "nose far to one side: " + turned);
    }

    @Test
    void aForeheadFurtherBackThanTheChinIsAChinRaised() {
        List<Point> p = points(100, 9);
        p.set(FaceLandmarks.FOREHEAD, new Point(100, 20));
        p.set(FaceLandmarks.CHIN, new Point(100, 180));
        List<Double> level = java.util.Collections.nCopies(468, 0.0);
        assertEquals(0, new FaceLandmarks(p, level).pitchDegrees(), 1e-9);
        List<Double> raised = new ArrayList<>(level);
        raised.set(FaceLandmarks.FOREHEAD, 80.0); // tan(26.6°) · 160
        raised.set(FaceLandmarks.CHIN, 0.0);
        assertEquals(26.57, new FaceLandmarks(p, raised).pitchDegrees(), 0.01);
        assertTrue(new FaceLandmarks(p, raised).pitchDegrees() > FaceAnalysis.LOOKING_AWAY_PITCH);
        raised.set(FaceLandmarks.FOREHEAD, -80.0);
        assertEquals(-26.57, new FaceLandmarks(p, raised).pitchDegrees(), 0.01, "chin down");
    }

    @Test
    void eyeOpennessIsLidGapOverEyeWidth() {
        assertEquals(0.3, mesh(100, 9).eyeOpenness(), 1e-9);
        assertTrue(mesh(100, 1.5).eyeOpenness() < FaceAnalysis.CLOSED_EYES);
    }

    @Test
    void engagementRanksFacingOpenEyedComposedPhotosFirst() {
        assertEquals(1, FaceAnalysis.engagement(new Pose(0, 0, 0, 0.3, 0.1)), 1e-9);
        assertTrue(FaceAnalysis.engagement(new Pose(0, 20, 0, 0.3, 0)) < 1);
        assertTrue(FaceAnalysis.engagement(new Pose(0, 0, 20, 0.3, 0)) < 1);
        assertTrue(FaceAnalysis.engagement(new Pose(0, 0, 0, 0.05, 0)) < 0.3);
        assertTrue(FaceAnalysis.engagement(new Pose(0, 0, 0, 0.3, 0.5)) < 1, "a yawn ranks below a smile");
        assertEquals(1, FaceAnalysis.engagement(null), 1e-9, "no landmarks, no change");
    }

    @Test
    void mouthStateFollowsTheInnerLipGap() {
        assertEquals(Pose.Mouth.CLOSED, new Pose(0, 0, 0, 0.3, 0.01).mouth());
        assertEquals(Pose.Mouth.PARTED, new Pose(0, 0, 0, 0.3, 0.2).mouth());
        assertEquals(Pose.Mouth.OPEN, new Pose(0, 0, 0, 0.3, 0.6).mouth());
    }
}
