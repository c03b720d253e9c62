package io.headroom.retouch;

import io.headroom.face.FaceLandmarks;
import io.headroom.raster.Planes;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * Evens out skin without making it plastic. Frequency separation: each colour plane splits into a
 * low-frequency layer (a blur a little wider than pores) and the texture above it. Only the low
 * layer is evened, by shrinking its weak mid-frequency detail (see {@link #evened}), which
 * flattens blotches and small blemishes but keeps real features (nostrils, jaw, folds); the
 * texture goes back on unchanged. The change is weighted by the {@link SkinMask}, so eyes, brows,
 * lips and hair are left as they were, and by the strength (0 = nothing, 1 = fully even).
 */
public final class SkinRetouch {

    /** Local detail energy below which the low layer counts as unevenness rather than a feature ((0.1)² of full scale). */
    private static final float EDGE_ENERGY = 0.01f;

    /**
     * Retouches the face given by {@code mesh} in place.
     *
     * @param strength 0–1
     */
    public void apply(BufferedImage image, FaceLandmarks mesh, double strength) {
        if (strength < 0 || strength > 1) {
            throw new IllegalArgumentException("retouch strength is between 0 and 1");
        }
        Rectangle r = SkinMask.bounds(mesh, image.getWidth(), image.getHeight());
        if (strength == 0 || r.isEmpty()) {
            return;
        }
        double faceWidth = SkinMask.faceWidth(mesh);
        int poreRadius = (int) Math.max(1, Math.round(faceWidth / 220));
        int evenRadius = (int) Math.max(2, Math.round(faceWidth / 20));
        float[] mask = SkinMask.of(mesh, r);
        int[] px = image.getRGB(r.x, r.y, r.width, r.height, null, 0, r.width);
        float[][] change = new float[3][];
        for (int c = 0; c < 3; c++) {
            float[] plane = Planes.channel(px, 16 - 8 * c);
            float[] low = Planes.boxMean(Planes.boxMean(plane, r.width, r.height, poreRadius), r.width, r.height, poreRadius);
            float[] even = evened(low, r.width, r.height, evenRadius);
            change[c] = new float[plane.length];
            for (int i = 0; i < plane.length; i++) {
                change[c][i] = (float) (strength * mask[i] * (even[i] - low[i]));
            }
        }
        for (int i = 0; i < px.length; i++) {
            if (mask[i] == 0) {
                continue;
            }
            int red = shifted((px[i] >> 16) & 0xFF, change[0][i]);
            int green = shifted((px[i] >> 8) & 0xFF, change[1][i]);
            int blue = shifted(px[i] & 0xFF, change[2][i]);
            px[i] = (red << 16) | (green << 8) | blue;
        }
        image.setRGB(r.x, r.y, r.width, r.height, px, 0, r.width);
    }

    private static int shifted(int value, float delta) {
        return Math.max(0, Math.min(255, Math.round(value + 255 * delta)));
    }

    /**
     * The low layer with its weak mid-frequency detail shrunk: split off a broad base (shading,
     * the face's shape), and keep each pixel's remaining detail in proportion E/(E + ε) of its
     * local energy E. A blotch or spot has little energy over a window and fades; a nostril, jaw
     * line or fold has much and stays.
     */
    private static float[] evened(float[] low, int w, int h, int radius) {
        float[] base = Planes.boxMean(Planes.boxMean(low, w, h, 2 * radius), w, h, 2 * radius);
        float[] band = new float[low.length];
        float[] energy = new float[low.length];
        for (int i = 0; i < low.length; i++) {
            band[i] = low[i] - base[i];
            energy[i] = band[i] * band[i];
        }
        float[] local = Planes.boxMean(energy, w, h, radius);
        float[] keep = new float[low.length];
        for (int i = 0; i < low.length; i++) {
            keep[i] = local[i] / (local[i] + EDGE_ENERGY);
        }
        keep = Planes.boxMean(keep, w, h, Math.max(1, radius / 4));
        float[] out = new float[low.length];
        for (int i = 0; i < low.length; i++) {
            out[i] = base[i] + keep[i] * band[i];
        }
        return out;
    }
}
