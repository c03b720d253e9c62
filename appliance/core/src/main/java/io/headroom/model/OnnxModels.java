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
        // ONNX Runtime (1.2x on Linux too) sends usage telemetry to Microsoft unless told not to;
        // the launcher also sets ORT_DISABLE_TELEMETRY before the native library loads.
        try {
            // DJL's engine creates the one ONNX Runtime environment (with its thread pools); then it is told.
            ai.djl.engine.Engine.getEngine("OnnxRuntime");
            ai.onnxruntime.OrtEnvironment.getEnvironment().setTelemetry(false);
        } catch (ai.onnxruntime.OrtException e) {
            // Better no inference than inference that reports home.
            throw new IllegalStateException("ONNX Runtime telemetry cannot be turned off", e);
        }
    }

    private OnnxModels() {
    }

    /** Makes sure the settings above are in force before anything touches ONNX Runtime. */
    public static void init() {
        // The static initialiser does the work.
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
                // Every input has a fixed shape, so ONNX Runtime's CPU arena grows to one inference's
                // need per concurrent call and is reused from then on; calls run only on the job
                // workers, so it is bounded by headroom.jobs.workers, not by the number of people.
                .optOption("cpuArenaAllocator", "true")
                .optOption("memoryPatternOptimization", "true")
                .build();
        try {
            return criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("The model " + file + " cannot be loaded: " + e.getMessage(), e);
        }
    }
}
