package io.headroom.face;

import ai.djl.Device;
import java.util.Locale;

/**
 * Where models run: the CPU (default) or a CUDA GPU when the operator enables it. CUDA configured
 * but not available is an error at start-up, never a silent fall-back to the CPU.
 */
public enum InferenceDevice {
    CPU,
    CUDA;

    static {
        // Every model load goes through a device first: DJL must know it is offline before it starts.
        System.setProperty("ai.djl.offline", "true");
    }

    public static InferenceDevice of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The inference device is 'cpu' or 'cuda', not '" + name + "'");
        }
    }

    /** The device as DJL names it. */
    public Device djlDevice() {
        return this == CUDA ? Device.gpu() : Device.cpu();
    }

    /**
     * Checks the device can be used here.
     *
     * @throws IllegalStateException for CUDA without a CUDA-enabled ONNX Runtime and GPU
     */
    public InferenceDevice requireAvailable() {
        if (this == CUDA) {
            boolean available;
            try {
                io.headroom.model.OnnxModels.init();
                available = ai.onnxruntime.OrtEnvironment.getAvailableProviders().contains(ai.onnxruntime.OrtProvider.CUDA);
            } catch (RuntimeException | LinkageError e) {
                available = false;
            }
            if (!available) {
                throw new IllegalStateException("CUDA was configured (headroom.inference.device=cuda) but ONNX Runtime here has no "
                        + "CUDA provider or no GPU. Install the GPU runtime and driver, or set headroom.inference.device=cpu. "
                        + "Not falling back to the CPU silently.");
            }
        }
        return this;
    }

    /** How it is reported, e.g. "cpu" or "cuda". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
