package io.headroom.face;

import java.awt.image.BufferedImage;

/**
 * Exposure of a whole frame from its luma histogram: how much is crushed to black, how much is
 * blown to white, and where the bright and dark ends of the histogram lie. Judged on the whole
 * frame, never on skin, so the same rules hold for every skin tone.
 *
 * @param crushed fraction of pixels with luma below 12
 * @param blown   fraction of pixels with luma above 250
 * @param p05     5th percentile of luma (0–255)
 * @param p95     95th percentile of luma
 * @param mean    mean luma
 */
public record Exposure(double crushed, double blown, int p05, int p95, double mean) {

    static Exposure of(BufferedImage image) {
        int[] histogram = new int[256];
        int w = image.getWidth();
        int h = image.getHeight();
        int[] row = new int[w];
        long sum = 0;
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int p : row) {
                int l = Luma.of(p);
                histogram[l]++;
                sum += l;
            }
        }
        long n = (long) w * h;
        long dark = 0;
        for (int i = 0; i < 12; i++) {
            dark += histogram[i];
        }
        long bright = 0;
        for (int i = 251; i < 256; i++) {
            bright += histogram[i];
        }
        return new Exposure((double) dark / n, (double) bright / n, percentile(histogram, n, 0.05), percentile(histogram, n, 0.95),
                (double) sum / n);
    }

    private static int percentile(int[] histogram, long n, double q) {
        long target = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i < 256; i++) {
            seen += histogram[i];
            if (seen >= target) {
                return i;
            }
        }
        return 255;
    }

    /** Too dark: even the bright end of the frame is dim, or much of it is crushed. */
    boolean tooDark() {
        return p95 < 110 || crushed > 0.45;
    }

    /** Too bright: much of the frame is blown out, or even its dark end is pale. */
    boolean tooBright() {
        return blown > 0.35 || p05 > 215;
    }

    /** 1 for a frame that uses the range well, towards 0 as it crowds either end. */
    double balance() {
        double spread = Math.min(1, (p95 - p05) / 160.0);
        return Math.max(0, spread * (1 - crushed - blown));
    }
}
