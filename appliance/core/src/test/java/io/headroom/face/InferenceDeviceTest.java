package io.headroom.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InferenceDeviceTest {

    @Test
    void cpuIsAlwaysThere() {
        assertEquals(InferenceDevice.CPU, InferenceDevice.of(" CPU ").requireAvailable());
        assertEquals("cpu", InferenceDevice.CPU.label());
    }

    @Test
    void cudaWithoutACudaRuntimeIsRefusedLoudlyNotSilentlyReplacedByTheCpu() {
        // The project ships the CPU build of ONNX Runtime, which has no CUDA provider.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> InferenceDevice.of("cuda").requireAvailable());
        assertTrue(e.getMessage().contains("Not falling back to the CPU silently"), e.getMessage());
    }

    @Test
    void unknownDevicesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> InferenceDevice.of("tpu"));
    }
}
