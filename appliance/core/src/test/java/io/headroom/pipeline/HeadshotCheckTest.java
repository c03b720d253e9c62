package io.headroom.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.face.Face;
import io.headroom.face.Point;
import io.headroom.framing.Composition;
import io.headroom.framing.FramingRules;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The self-check on drawn mattes: each failure it exists for, and a headshot that passes. */
class HeadshotCheckTest {

    private static final int W = 400;
    private static final int H = 500;
    private static final Composition OWN = Composition.of(FramingRules.DEFAULT);

    /** A textured mid-grey image (sharp, well exposed) and a face placed as the composition says. */
    private static BufferedImage image() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(7);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int v = 110 + r.nextInt(40);
                img.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return img;
    }

    private static Face face() {
        double ied = OWN.faceWidth() * W / FramingRules.FACE_WIDTH_PER_EYE_DISTANCE;
        double eyeY = OWN.eyeLine() * H;
        Point left = new Point(W / 2.0 - ied / 2, eyeY);
        Point right = new Point(W / 2.0 + ied / 2, eyeY);
        List<Point> kp = List.of(right, left, new Point(W / 2.0, eyeY + 0.5 * ied), new Point(W / 2.0, eyeY + ied),
                new Point(W / 2.0 + ied, eyeY), new Point(W / 2.0 - ied, eyeY));
        return new Face(0.9, W / 2.0 - ied, eyeY - ied, 2 * ied, 2.4 * ied, kp);
    }

    /** A head-and-shoulders matte: a head disc and a body from {@code bodyTop} down to {@code bodyBottom}. */
    private static float[] person(int bodyBottom) {
        float[] a = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double dx = x - W / 2.0;
                double dy = y - OWN.eyeLine() * H;
                boolean head = dx * dx + dy * dy < 100 * 100;
                boolean body = y > 0.7 * H && y < bodyBottom && Math.abs(dx) < 170;
                a[y * W + x] = head || body ? 1f : 0f;
            }
        }
        return a;
    }

    @Test
    void shouldersRunningOutOfTheFramePass() {
        HeadshotCheck.Figures f = HeadshotCheck.check(image(), face(), OWN, person(H), null);
        assertTrue(f.passed(), f.toString());
        assertTrue(f.bottomPerson() > 0.8, f.toString());
    }

    @Test
    void aBustEndingAboveTheBottomFloats() {
        HeadshotCheck.Figures f = HeadshotCheck.check(image(), face(), OWN, person(H - 40), null);
        assertEquals(List.of(HeadshotCheck.Failure.FLOATING), f.failures(), f.toString());
        assertEquals(0.0, f.bottomPerson());
    }

    @Test
    void aPersonMeetingTheEndOfThePhotoIsACutEdge() {
        // The photo ended 60 px above the bottom: the person's matte there is cut by a straight line.
        float[] coverage = new float[W * H];
        float[] matte = person(H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean photo = y < H - 60;
                coverage[y * W + x] = photo ? 1f : 0f;
                matte[y * W + x] *= coverage[y * W + x];
            }
        }
        HeadshotCheck.Figures f = HeadshotCheck.check(image(), face(), OWN, matte, coverage);
        assertTrue(f.failures().contains(HeadshotCheck.Failure.CUT_EDGE), f.toString());
        assertTrue(f.failures().contains(HeadshotCheck.Failure.FLOATING), f.toString());
        assertTrue(f.cutEdge() > 0.5, "about the body's width: " + f.cutEdge());
    }

    @Test
    void aFaceOffItsPlaceADarkFaceAndABlurryOneAreCaught() {
        Composition lower = new Composition(Composition.CLOSER, 0.5, OWN.faceWidth());
        assertEquals(List.of(HeadshotCheck.Failure.FRAMING), HeadshotCheck.check(image(), face(), lower, person(H), null).failures());

        BufferedImage dark = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(3);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int v = r.nextInt(30);
                dark.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        assertTrue(HeadshotCheck.check(dark, face(), OWN, person(H), null).failures().contains(HeadshotCheck.Failure.EXPOSURE));

        BufferedImage flat = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                flat.setRGB(x, y, 0x808080);
            }
        }
        HeadshotCheck.Figures f = HeadshotCheck.check(flat, face(), OWN, person(H), null);
        assertEquals(List.of(HeadshotCheck.Failure.BLUR), f.failures(), f.toString());
        assertEquals(io.headroom.face.Verdict.TOO_BLURRY, HeadshotPipeline.verdictOf(f));
    }
}
