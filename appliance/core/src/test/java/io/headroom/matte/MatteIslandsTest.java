package io.headroom.matte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatteIslandsTest {

    private static final int W = 120;
    private static final int H = 100;

    private static void disc(float[] alpha, int cx, int cy, int r, float soft) {
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double d = Math.hypot(x - cx, y - cy);
                float a = (float) Math.max(0, Math.min(1, (r - d) / soft + 0.5));
                alpha[y * W + x] = Math.max(alpha[y * W + x], a);
            }
        }
    }

    /** A person (large, to the bottom), a piece of the room beside it, and a second bottom part: only the piece goes. */
    @Test
    void aPatchNotJoinedToThePersonIsClearedWithItsSoftEdgeAndThePersonStays() {
        float[] alpha = new float[W * H];
        disc(alpha, 60, 75, 35, 4); // the person, running out of the bottom
        disc(alpha, 10, 12, 6, 4); // a patch of the old room in the corner
        for (int y = 86; y < H; y++) {
            for (int x = 98; x < 118; x++) {
                alpha[y * W + x] = 1f; // a shoulder parted from the rest, at the bottom edge
            }
        }
        float[] before = alpha.clone();
        double cleared = MatteIslands.clear(alpha, W, H);
        assertTrue(cleared > 0);
        for (int y = 0; y < 25; y++) {
            for (int x = 0; x < 25; x++) {
                assertEquals(0f, alpha[y * W + x], "the patch and its rim are gone at " + x + "," + y);
            }
        }
        for (int i = 0; i < alpha.length; i++) {
            if (i % W >= 25 || i / W >= 25) {
                assertEquals(before[i], alpha[i], "the person and the parted shoulder are untouched at " + (i % W) + "," + (i / W));
            }
        }
    }

    @Test
    void aMatteInOnePieceIsLeftAlone() {
        float[] alpha = new float[W * H];
        disc(alpha, 60, 75, 35, 4);
        float[] before = alpha.clone();
        assertEquals(0, MatteIslands.clear(alpha, W, H));
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, alpha);
    }
}
