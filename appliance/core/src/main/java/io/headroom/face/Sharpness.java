package io.headroom.face;

import java.awt.image.BufferedImage;

/**
 * Focus of the face: variance of the Laplacian over the face region, measured after scaling the
 * region to a fixed width so the figure does not depend on the photo's resolution.
 */
public final class Sharpness {

    static final int MEASURE_WIDTH = 256;

    private Sharpness() {
    }

    /** The variance of the Laplacian over the face box, at 256 px face width. */
    public static double ofFace(BufferedImage image, Face face) {
        int x0 = clamp((int) Math.floor(face.x()), 0, image.getWidth() - 1);
        int y0 = clamp((int) Math.floor(face.y()), 0, image.getHeight() - 1);
        int x1 = clamp((int) Math.ceil(face.x() + face.width()), x0 + 1, image.getWidth());
        int y1 = clamp((int) Math.ceil(face.y() + face.height()), y0 + 1, image.getHeight());
        BufferedImage region = image.getSubimage(x0, y0, x1 - x0, y1 - y0);
        int w = MEASURE_WIDTH;
        int h = Math.max(3, (int) Math.round((double) (y1 - y0) * w / (x1 - x0)));
        BufferedImage scaled = Resize.to(region, w, h);
        int[] luma = new int[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            scaled.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                luma[y * w + x] = Luma.of(row[x]);
            }
        }
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double lap = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4.0 * luma[i];
                sum += lap;
                sumSq += lap * lap;
                n++;
            }
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
