package io.headroom.matte;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.headroom.face.Resize;
import io.headroom.model.NhwcInput;
import io.headroom.model.RawTranslator;
import java.awt.image.BufferedImage;

/**
 * A person segmenter over a model with a square RGB input ({@code size}², values 0–1) and a
 * one-channel mask output at the same size (other outputs, such as a foreground colour, are
 * ignored): the image is scaled to the model, the mask scaled back bilinearly.
 */
final class SquareModelSegmenter implements PersonSegmenter {

    private final Predictor<float[], float[][]> predictor;
    private final int size;
    private final boolean givesMatte;

    SquareModelSegmenter(Predictor<float[], float[][]> predictor, int size, boolean givesMatte) {
        this.predictor = predictor;
        this.size = size;
        this.givesMatte = givesMatte;
    }

    @Override
    public float[] segment(BufferedImage image) {
        float[][] outputs;
        try {
            outputs = predictor.predict(NhwcInput.unit(Resize.to(image, size, size)));
        } catch (TranslateException e) {
            throw new IllegalStateException("segmentation failed", e);
        }
        for (float[] o : outputs) {
            if ((int) o[1] == 1) { // the one-channel output
                return upscale(RawTranslator.data(o), size, image.getWidth(), image.getHeight());
            }
        }
        throw new IllegalStateException("the segmentation model gave no one-channel output");
    }

    @Override
    public boolean givesMatte() {
        return givesMatte;
    }

    @Override
    public void close() {
        predictor.close();
    }

    /** Bilinear from a model's square grid ({@code size}²) to w×h (pixel centres aligned). */
    static float[] upscale(float[] mask, int size, int w, int h) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            float sy = Math.max(0, Math.min(size - 1, (y + 0.5f) * size / h - 0.5f));
            int y0 = (int) sy;
            int y1 = Math.min(size - 1, y0 + 1);
            float fy = sy - y0;
            for (int x = 0; x < w; x++) {
                float sx = Math.max(0, Math.min(size - 1, (x + 0.5f) * size / w - 0.5f));
                int x0 = (int) sx;
                int x1 = Math.min(size - 1, x0 + 1);
                float fx = sx - x0;
                float top = mask[y0 * size + x0] * (1 - fx) + mask[y0 * size + x1] * fx;
                float bottom = mask[y1 * size + x0] * (1 - fx) + mask[y1 * size + x1] * fx;
                out[y * w + x] = top * (1 - fy) + bottom * fy;
            }
        }
        return out;
    }
}
