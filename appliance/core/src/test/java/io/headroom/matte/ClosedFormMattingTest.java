package io.headroom.matte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Closed-form matting on scenes whose alpha is known. */
class ClosedFormMattingTest {

    private static final int W = 120;
    private static final int H = 80;

    /** A soft, wavy edge between a textured red person and a textured blue-green room. */
    private static float[][] scene(float[] truth) {
        float[][] rgb = new float[3][W * H];
        Random noise = new Random(7);
        for (int y = 0; y < H; y++) {
            double edge = 60 + 8 * Math.sin(y / 9.0);
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                float a = (float) Math.max(0, Math.min(1, (edge - x) / 10 + 0.5));
                truth[i] = a;
                float[] f = {0.8f + 0.05f * noise.nextFloat(), 0.2f + 0.05f * noise.nextFloat(), 0.15f};
                float[] b = {0.1f, 0.5f + 0.05f * noise.nextFloat(), 0.6f + 0.05f * noise.nextFloat()};
                for (int c = 0; c < 3; c++) {
                    rgb[c][i] = a * f[c] + (1 - a) * b[c];
                }
            }
        }
        return rgb;
    }

    @Test
    void theUnknownBandGetsTheTrueAlphaBack() {
        float[] truth = new float[W * H];
        float[][] rgb = scene(truth);
        byte[] labels = new byte[W * H];
        float[] guess = new float[W * H];
        for (int y = 0; y < H; y++) {
            double edge = 60 + 8 * Math.sin(y / 9.0);
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                // A band of 20 px each side of the edge; the guess inside it a hard step in the wrong place.
                labels[i] = x < edge - 20 ? Trimap.FOREGROUND : x > edge + 20 ? Trimap.BACKGROUND : Trimap.UNKNOWN;
                guess[i] = x < edge + 6 ? 1f : 0f;
            }
        }
        Trimap trimap = new Trimap(labels, W, H);
        // No pull towards the guess: the colours alone decide (the appliance pulls a little, for flat rooms).
        float[] alpha = new ClosedFormMatting(1e-5, 0, 200).solve(rgb, trimap, guess);
        double solved = 0;
        double guessed = 0;
        int n = 0;
        for (int i = 0; i < alpha.length; i++) {
            if (labels[i] == Trimap.UNKNOWN) {
                solved += Math.abs(alpha[i] - truth[i]);
                guessed += Math.abs(guess[i] - truth[i]);
                n++;
            } else {
                assertEquals(labels[i] == Trimap.FOREGROUND ? 1f : 0f, alpha[i], "known pixels keep their alpha");
            }
        }
        assertTrue(solved / n < 0.02, "mean error in the band " + solved / n);
        assertTrue(solved < guessed / 5, "far closer than the guess: " + solved / n + " vs " + guessed / n);
    }

    @Test
    void withNothingUnknownTheTrimapIsTheAnswer() {
        byte[] labels = new byte[W * H];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % W < W / 2 ? Trimap.FOREGROUND : Trimap.BACKGROUND;
        }
        float[] alpha = new ClosedFormMatting(1e-5, 0.002, 10).solve(scene(new float[W * H]), new Trimap(labels, W, H), new float[W * H]);
        assertEquals(1f, alpha[5]);
        assertEquals(0f, alpha[W - 5]);
    }
}
