package io.headroom.matte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Synthetic scenes where the right answer is known: a red disc on a green wall. */
class MatteTest {

    private static final int W = 200;
    private static final int H = 160;
    private static final int RED = 0xD02020;
    private static final int GREEN = 0x20C020;

    /** The scene, and its exact matte. */
    private static int[] scene(float[] truth) {
        int[] px = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean in = Math.hypot(x - 100, y - 80) < 50;
                px[y * W + x] = in ? RED : GREEN;
                truth[y * W + x] = in ? 1f : 0f;
            }
        }
        return px;
    }

    /** A coarse matte as an upsampled low-resolution model gives it: the right shape, its edge a 16 px ramp. */
    private static float[] coarse() {
        float[] m = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double d = Math.hypot(x - 100, y - 80);
                m[y * W + x] = (float) Math.max(0, Math.min(1, (58 - d) / 16));
            }
        }
        return m;
    }

    private static double meanError(float[] a, float[] b) {
        double e = 0;
        for (int i = 0; i < a.length; i++) {
            e += Math.abs(a[i] - b[i]);
        }
        return e / a.length;
    }

    @Test
    void theGuidedFilterMovesTheMatteOntoThePhotosEdge() {
        float[] truth = new float[W * H];
        int[] photo = scene(truth);
        float[] rough = coarse();
        // The window must reach across the coarse ramp to pull it onto the photo's edge.
        float[] refined = new GuidedFilter(16, 1e-4).refine(photo, rough, W, H);
        double before = meanError(rough, truth);
        double after = meanError(refined, truth);
        assertTrue(after < before / 2, "refined error " + after + " vs coarse " + before);
    }

    @Test
    void edgePixelsLoseTheOldBackgroundsColour() {
        float[] truth = new float[W * H];
        int[] photo = scene(truth);
        // A soft edge: mix red and green by a known alpha on a ring.
        float[] alpha = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double d = Math.hypot(x - 100, y - 80);
                float a = (float) Math.max(0, Math.min(1, (54 - d) / 8));
                alpha[y * W + x] = a;
                photo[y * W + x] = Colours.mix(GREEN, RED, a);
            }
        }
        int[] clean = ForegroundEstimation.foreground(photo, alpha, W, H);
        int i = 80 * W + 100 + 50; // on the ring, alpha about a half
        assertTrue(alpha[i] > 0.3 && alpha[i] < 0.7, "a half-transparent pixel: " + alpha[i]);
        int g = (clean[i] >> 8) & 0xFF;
        int r = (clean[i] >> 16) & 0xFF;
        assertTrue(r > 150 && g < 80, "the foreground colour is red again, not red-green: " + Integer.toHexString(clean[i]));
    }

    @Test
    void compositingReplacesTheBackgroundAndKeepsThePerson() {
        float[] truth = new float[W * H];
        int[] photo = scene(truth);
        int[] backdrop = new Backdrop.Solid(0x707070).render(W, H, photo);
        int[] out = new Composite(0.0).apply(photo, truth, backdrop, W, H);
        assertEquals(0x707070, out[5 * W + 5], "far from the person: the backdrop");
        assertEquals(RED, out[80 * W + 100], "inside: the person");
        int[] shadowed = new Composite(0.3).apply(photo, truth, backdrop, W, H);
        int below = 80 + 52;
        assertTrue((shadowed[below * W + 100] & 0xFF) < 0x70, "a contact shadow darkens the backdrop just below the person");
        assertEquals(0x707070, shadowed[5 * W + 5], "but not far away");
    }

    @Test
    void backdropsLookAsDescribed() {
        int[] studio = new Backdrop.StudioSeamless(200, 0.35).render(100, 125, null);
        int centre = studio[(int) (0.38 * 125) * 100 + 50] & 0xFF;
        int corner = studio[124 * 100] & 0xFF;
        assertEquals(200, centre);
        assertTrue(corner < centre - 40, "soft fall-off towards the corners: " + corner);
        assertEquals(studio[60 * 100 + 50] & 0xFF, (studio[60 * 100 + 50] >> 16) & 0xFF, "grey is grey");

        int[] gradient = new Backdrop.VerticalGradient(0x000000, 0xFFFFFF).render(10, 11, null);
        assertEquals(0x000000, gradient[0]);
        assertEquals(0xFFFFFF, gradient[10 * 10]);
        int[] radial = new Backdrop.RadialGradient(0xFFFFFF, 0x000000, 0.5, 0.5).render(21, 21, null);
        assertTrue((radial[10 * 21 + 10] & 0xFF) > 0xF0, "bright in the middle");
        assertTrue((radial[0] & 0xFF) < 0x10, "dark in the corner");

        float[] truth = new float[W * H];
        int[] photo = scene(truth);
        int[] blurred = new Backdrop.Blurred(10).render(W, H, photo);
        int edge = blurred[80 * W + 150];
        assertTrue(((edge >> 16) & 0xFF) > 0x30 && ((edge >> 8) & 0xFF) > 0x30, "the edge between red and green is a blend");
    }
}
