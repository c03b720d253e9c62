package io.headroom.matte;

import ai.djl.repository.zoo.ZooModel;
import io.headroom.face.InferenceDevice;
import io.headroom.model.ModelSet;
import io.headroom.model.OnnxModels;

/**
 * MediaPipe's selfie segmentation (256×256, converted to ONNX by the project), loaded once;
 * {@link #segmenter()} gives each worker its own predictor. The 256² mask is scaled back to the
 * image's size bilinearly; edge detail comes from {@link GuidedFilter} afterwards.
 */
public final class SelfieSegmentationModel implements AutoCloseable {

    public static final String ROLE = "selfie_segmentation";
    static final int SIZE = 256;

    private final ZooModel<float[], float[][]> model;

    private SelfieSegmentationModel(ZooModel<float[], float[][]> model) {
        this.model = model;
    }

    public static SelfieSegmentationModel load(ModelSet models, InferenceDevice device, int intraOpThreads) {
        return new SelfieSegmentationModel(OnnxModels.load(models, ROLE, device.djlDevice(), intraOpThreads, 1, SIZE, SIZE, 3));
    }

    public PersonSegmenter segmenter() {
        return new SquareModelSegmenter(model.newPredictor(), SIZE, false);
    }

    @Override
    public void close() {
        model.close();
    }
}
