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

    static TfjsModel mobileFaceNet() throws Exception {
        Map<String, byte[]> e = HumanModels.entries(Set.of("package/models/mobilefacenet.json", "package/models/mobilefacenet.bin"));
        return TfjsModel.read(e.get("package/models/mobilefacenet.json"), p -> e.get("package/models/" + p));
    }

    /** The converted MobileFaceNet gives the TF.js network's embedding for a fixed input, to float precision. */
    @Test
    void mobileFaceNetMatchesItsTfjsNetwork() throws Exception {
        TfjsModel model = mobileFaceNet();
        Map<String, long[]> in = Map.of("img_inputs", new long[] {1, 112, 112, 3});
        byte[] onnx = TfjsToOnnx.convert(model, in, Map.of("embedding", "embeddings"));
        assertArrayEquals(onnx, TfjsToOnnx.convert(model, in, Map.of("embedding", "embeddings")), "deterministic");
        byte[] rgb = Files.readAllBytes(REFERENCE.resolve("london_005_112.rgb"));
        float[] input = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            input[i] = (rgb[i] & 0xFF) / 255f;
        }
        FloatBuffer reference = ByteBuffer.wrap(Files.readAllBytes(REFERENCE.resolve("london_005_112.mobilefacenet.f32")))
                .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 112, 112, 3});
             OrtSession.Result r = session.run(Map.of("img_inputs", x))) {
            float[] embedding = ((float[][]) r.get("embedding").orElseThrow().getValue())[0];
            assertEquals(192, embedding.length);
            double worst = 0;
            for (int i = 0; i < embedding.length; i++) {
                worst = Math.max(worst, Math.abs(embedding[i] - reference.get(i)));
            }
            assertTrue(worst < 1e-5, "largest difference " + worst);
        }
    }
}
