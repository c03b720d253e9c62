package io.headroom.packs.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.headroom.packs.HumanModels;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TfjsToOnnxTest {

    private static final Path REFERENCE = Path.of("src/test/resources/reference");

    static TfjsModel faceres() throws Exception {
        Map<String, byte[]> e = HumanModels.entries(Set.of("package/models/faceres.json", "package/models/faceres.bin"));
        return TfjsModel.read(e.get("package/models/faceres.json"), p -> e.get("package/models/" + p));
    }

    /** The converted face-description network gives the TF.js network's descriptor for a fixed input. */
    @Test
    void theFaceDescriptorMatchesItsTfjsNetwork() throws Exception {
        TfjsModel model = faceres();
        Map<String, long[]> in = Map.of("input_1", new long[] {1, 224, 224, 3});
        Map<String, String> out = Map.of("embedding", "global_pooling/Mean");
        byte[] onnx = TfjsToOnnx.convert(model, in, out);
        assertArrayEquals(onnx, TfjsToOnnx.convert(model, in, out), "deterministic");
        byte[] rgb = Files.readAllBytes(REFERENCE.resolve("london_005_224.rgb"));
        float[] input = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            input[i] = rgb[i] & 0xFF;
        }
        FloatBuffer reference = ByteBuffer.wrap(Files.readAllBytes(REFERENCE.resolve("london_005_224.faceres.f32")))
                .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 224, 224, 3});
             OrtSession.Result r = session.run(Map.of("input_1", x))) {
            float[] embedding = ((float[][]) r.get("embedding").orElseThrow().getValue())[0];
            assertEquals(1024, embedding.length);
            double worst = 0;
            double largest = 0;
            for (int i = 0; i < embedding.length; i++) {
                worst = Math.max(worst, Math.abs(embedding[i] - reference.get(i)));
                largest = Math.max(largest, Math.abs(reference.get(i)));
            }
            assertTrue(worst < 1e-4 * Math.max(1, largest), "largest difference " + worst + " (values up to " + largest + ")");
        }
    }
}
