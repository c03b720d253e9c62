package io.headroom.face;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import io.headroom.model.ModelSet;
import io.headroom.model.OnnxModels;

/**
 * One BlazeFace network loaded once for the whole application (front 128×128 or back 256×256),
 * through DJL's ONNX Runtime engine. Workers take a {@link #detector()} each: predictors are not
 * thread-safe, the model is.
 */
public final class BlazeFaceModel implements AutoCloseable {

    /** Which BlazeFace. */
    public enum Variant {
        FRONT("face_detection_front", 128),
        BACK("face_detection_back", 256);

        final String role;
        final int inputSize;

        Variant(String role, int inputSize) {
            this.role = role;
            this.inputSize = inputSize;
        }

        /** The model's role in a models folder's manifest. */
        public String role() {
            return role;
        }
    }

    private final Variant variant;
    private final ZooModel<float[], float[][]> model;
    private final double threshold;

    private BlazeFaceModel(Variant variant, ZooModel<float[], float[][]> model, double threshold) {
        this.variant = variant;
        this.model = model;
        this.threshold = threshold;
    }

    /**
     * Loads the verified model file for {@code variant}.
     *
     * @param intraOpThreads ONNX Runtime threads per inference (workers × threads ≤ cores)
     */
    public static BlazeFaceModel load(ModelSet models, Variant variant, InferenceDevice device, int intraOpThreads, double threshold) {
        return new BlazeFaceModel(variant, OnnxModels.load(models, variant.role, device.djlDevice(), intraOpThreads,
                1, variant.inputSize, variant.inputSize, 3), threshold);
    }

    public Variant variant() {
        return variant;
    }

    /** A detector for one worker thread; close it when the worker ends. */
    public FaceDetector detector() {
        return new BlazeFaceDetector(model.newPredictor(), variant.inputSize, threshold);
    }

    @Override
    public void close() {
        model.close();
    }
}
