package io.headroom.model;

import java.awt.image.BufferedImage;

/** An image as the NHWC float input vision models take: RGB, row by row, one value per channel. */
public final class NhwcInput {

    private NhwcInput() {
    }

    /** Channel values scaled to [0, 1]. */
    public static float[] unit(BufferedImage image) {
        return scaled(image, 1 / 255f);
    }

    /** Channel values multiplied by {@code factor} (1 keeps them 0–255). */
    public static float[] scaled(BufferedImage image, float factor) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] input = new float[w * h * 3];
        for (int i = 0; i < rgb.length; i++) {
            input[3 * i] = ((rgb[i] >> 16) & 0xFF) * factor;
            input[3 * i + 1] = ((rgb[i] >> 8) & 0xFF) * factor;
            input[3 * i + 2] = (rgb[i] & 0xFF) * factor;
        }
        java.util.Arrays.fill(rgb, 0);
        return input;
    }
}
