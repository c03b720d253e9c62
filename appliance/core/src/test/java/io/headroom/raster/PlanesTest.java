package io.headroom.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanesTest {

    /** The running sums give the window's mean, edges clamped, as summing each window would. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 12})
    void theBoxMeanIsTheClampedWindowsMean(int r) {
        int w = 37;
        int h = 23;
        float[] src = new float[w * h];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < src.length; i++) {
            src[i] = (float) random.nextDouble();
        }
        float[] mean = Planes.boxMean(src, w, h, r);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        sum += src[Math.max(0, Math.min(h - 1, y + dy)) * w + Math.max(0, Math.min(w - 1, x + dx))];
                    }
                }
                assertEquals(sum / ((2 * r + 1) * (2 * r + 1)), mean[y * w + x], 1e-5, "at " + x + "," + y);
            }
        }
    }
}
