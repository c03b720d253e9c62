package io.headroom.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads a verified ONNX model through DJL's ONNX Runtime engine, the one way every model of the
 * appliance is loaded: one instance per application, one inter-op thread, the configured number
 * of intra-op threads (so workers × threads stay within the cores).
 */
public final class OnnxModels {

    static {
        // Before any DJL class initialises: DJL otherwise contacts the network at engine start.
        System.setProperty("ai.djl.offline", "true");
    }

    private OnnxModels() {
    }

    /**
     * @param role       the model's role in the manifest; its hash is checked first
     * @param inputShape the single input's shape, e.g. {@code 1, 256, 256, 3}
     */
    public static ZooModel<float[], float[][]> load(ModelSet models, String role, Device device, int intraOpThreads, long... inputShape) {
        Path file = models.verified(role);
        Criteria<float[], float[][]> criteria = Criteria.builder()
                .setTypes(float[].class, float[][].class)
                .optModelPath(file)
                .optEngine("OnnxRuntime")
                .optDevice(device)
                .optTranslator(new RawTranslator(inputShape))
                .optOption("interOpNumThreads", "1")
                .optOption("intraOpNumThreads", Integer.toString(intraOpThreads))
                .build();
        try {
            return criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("The model " + file + " cannot be loaded: " + e.getMessage(), e);
        }
    }
}
