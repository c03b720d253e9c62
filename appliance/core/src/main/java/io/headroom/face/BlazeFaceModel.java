package io.headroom.face;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import io.headroom.model.ModelSet;
import io.headroom.model.RawTranslator;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One BlazeFace network loaded once for the whole application (front 128×128 or back 256×256),
 * through DJL's ONNX Runtime engine. Workers take a {@link #detector()} each: predictors are not
 * thread-safe, the model is.
 */
public final class BlazeFaceModel implements AutoCloseable {

    static {
        // Before any DJL class initialises: DJL otherwise contacts the network at engine start.
        System.setProperty("ai.djl.offline", "true");
    }

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
        Path file = models.verified(variant.role);
        Criteria<float[], float[][]> criteria = Criteria.builder()
                .setTypes(float[].class, float[][].class)
                .optModelPath(file)
                .optEngine("OnnxRuntime")
                .optDevice(device.djlDevice())
                .optTranslator(new RawTranslator(1, variant.inputSize, variant.inputSize, 3))
                .optOption("interOpNumThreads", "1")
                .optOption("intraOpNumThreads", Integer.toString(intraOpThreads))
                .build();
        try {
            return new BlazeFaceModel(variant, criteria.loadModel(), threshold);
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("The face detection model " + file + " cannot be loaded: " + e.getMessage(), e);
        }
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
