package io.headroom.matte;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.headroom.face.InferenceDevice;
import io.headroom.face.Resize;
import io.headroom.model.ModelSet;
import io.headroom.model.NhwcInput;
import io.headroom.model.OnnxModels;
import io.headroom.model.RawTranslator;
import java.awt.image.BufferedImage;

/**
 * MediaPipe's selfie segmentation (256×256, converted to ONNX by the project), loaded once;
 * {@link #segmenter()} gives each worker its own predictor. The 256² mask is scaled back to the
 * image's size bilinearly; edge detail comes from {@link GuidedFilter} afterwards.
 */
public final class SelfieSegmentationModel implements AutoCloseable {

    static final String ROLE = "selfie_segmentation";
    static final int SIZE = 256;

    private final ZooModel<float[], float[][]> model;

    private SelfieSegmentationModel(ZooModel<float[], float[][]> model) {
        this.model = model;
    }

    public static SelfieSegmentationModel load(ModelSet models, InferenceDevice device, int intraOpThreads) {
        return new SelfieSegmentationModel(OnnxModels.load(models, ROLE, device.djlDevice(), intraOpThreads, 1, SIZE, SIZE, 3));
    }

    public PersonSegmenter segmenter() {
        Predictor<float[], float[][]> predictor = model.newPredictor();
        return new PersonSegmenter() {
            @Override
            public float[] segment(BufferedImage image) {
                BufferedImage small = Resize.to(image, SIZE, SIZE);
                float[] input = NhwcInput.unit(small);
                float[][] outputs;
                try {
                    outputs = predictor.predict(input);
                } catch (TranslateException e) {
                    throw new IllegalStateException("segmentation failed", e);
                }
                return upscale(RawTranslator.data(outputs[0]), SIZE, image.getWidth(), image.getHeight());
            }

            @Override
            public void close() {
                predictor.close();
            }
        };
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

    @Override
    public void close() {
        model.close();
    }
}
