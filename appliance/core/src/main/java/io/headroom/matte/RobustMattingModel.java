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
import java.util.Optional;

/**
 * The optional matting pack: Robust Video Matting, converted for a still 512² input (no recurrent
 * state), loaded once; {@link #segmenter()} gives each worker its own predictor. Its alpha is a
 * real matte with hair-level edges, used instead of the default selfie segmentation when the pack
 * is installed.
 */
public final class RobustMattingModel implements AutoCloseable {

    public static final String ROLE = "matting";
    static final int SIZE = 512;

    private final ZooModel<float[], float[][]> model;

    private RobustMattingModel(ZooModel<float[], float[][]> model) {
        this.model = model;
    }

    /** The model, when the pack is installed. */
    public static Optional<RobustMattingModel> loadIfInstalled(ModelSet models, InferenceDevice device, int intraOpThreads) {
        if (!models.has(ROLE)) {
            return Optional.empty();
        }
        return Optional.of(new RobustMattingModel(OnnxModels.load(models, ROLE, device.djlDevice(), intraOpThreads, 1, SIZE, SIZE, 3)));
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
                    throw new IllegalStateException("matting failed", e);
                }
                float[] alpha = null;
                for (float[] o : outputs) {
                    if ((int) o[1] == 1) { // the one-channel output; the other is the foreground colour
                        alpha = RawTranslator.data(o);
                    }
                }
                if (alpha == null) {
                    throw new IllegalStateException("the matting model gave no alpha output");
                }
                return SelfieSegmentationModel.upscale(alpha, SIZE, image.getWidth(), image.getHeight());
            }

            @Override
            public boolean givesMatte() {
                return true;
            }

            @Override
            public void close() {
                predictor.close();
            }
        };
    }

    @Override
    public void close() {
        model.close();
    }
}
