package io.headroom.matte;

import ai.djl.repository.zoo.ZooModel;
import io.headroom.face.InferenceDevice;
import io.headroom.model.ModelSet;
import io.headroom.model.OnnxModels;
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
        return new SquareModelSegmenter(model.newPredictor(), SIZE, true);
    }

    @Override
    public void close() {
        model.close();
    }
}
