package io.headroom.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GradeTest {

    @Test
    void aBlueCastOnGreyIsNeutralised() {
        int[] px = new int[100 * 100];
        Arrays.fill(px, (110 << 16) | (120 << 8) | 140); // grey wall under cool light
        assertTrue(Grade.whiteBalance(px));
        int r = (px[0] >> 16) & 0xFF;
        int g = (px[0] >> 8) & 0xFF;
        int b = px[0] & 0xFF;
        assertTrue(Math.abs(r - b) <= 2 && Math.abs(g - b) <= 2, "neutral now: " + r + "," + g + "," + b);
    }

    @Test
    void aFrameWithoutNeutralsIsLeftAlone() {
        int[] px = new int[100];
        Arrays.fill(px, 0xE02020);
        int[] before = px.clone();
        assertFalse(Grade.whiteBalance(px));
        assertTrue(Arrays.equals(before, px));
    }

    @Test
    void faceExposureMovesTheFaceTowardsTheTargetWithinLimits() {
        int w = 50;
        int[] px = new int[w * 50];
        Arrays.fill(px, (60 << 16) | (60 << 8) | 60);
        double gamma = Grade.faceExposure(px, w, new Rectangle(10, 10, 30, 30), 0.45, 2);
        assertTrue(gamma < 1, "brighten a dark face: gamma " + gamma);
        int after = px[25 * w + 25] & 0xFF;
        assertTrue(after > 90 && after <= 120, "towards 0.45×255: " + after);
    }

    @Test
    void contrastKeepsBlackAndWhiteAndSpreadsTheMiddle() {
        int[] px = {0x000000, 0xFFFFFF, 0x404040, 0xC0C0C0};
        Grade.contrast(px, 0.5);
        assertEquals(0x000000, px[0]);
        assertEquals(0xFFFFFF, px[1]);
        assertTrue((px[2] & 0xFF) < 0x40 && (px[3] & 0xFF) > 0xC0);
    }

    @Test
    void vignetteDarkensCornersNotTheCentre() {
        int[] px = new int[101 * 101];
        Arrays.fill(px, 0xC8C8C8);
        Grade.vignette(px, 101, 101, 0.3);
        assertEquals(0xC8, px[50 * 101 + 50] & 0xFF);
        assertTrue((px[0] & 0xFF) < 0xC8 * 0.75);
    }
}
