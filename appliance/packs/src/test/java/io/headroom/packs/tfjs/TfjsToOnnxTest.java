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

    /**
     * Robust Video Matting for a still 512² photo (no recurrent state, internal downsampling 0.5):
     * control flow folded, shape arithmetic kept, dilated convolutions fused; the alpha matte
     * matches the TF.js network's.
     */
    @Test
    void theMattingNetworkMatchesItsTfjsNetwork() throws Exception {
        Map<String, byte[]> e = HumanModels.entries(Set.of("package/models/rvm.json", "package/models/rvm.bin"));
        TfjsModel model = TfjsModel.read(e.get("package/models/rvm.json"), p -> e.get("package/models/" + p));
        io.headroom.packs.ModelPack pack = io.headroom.packs.ModelPack.MATTING;
        byte[] onnx = TfjsToOnnx.convert(model, pack.inputs(), pack.fixed(), pack.outputs());
        int size = io.headroom.packs.ModelPack.MATTING_SIZE;
        byte[] rgb = Files.readAllBytes(REFERENCE.resolve("lisa_webcam_01_512.rgb"));
        float[] input = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            input[i] = (rgb[i] & 0xFF) / 255f;
        }
        FloatBuffer reference = ByteBuffer.wrap(Files.readAllBytes(REFERENCE.resolve("lisa_webcam_01_512.rvm-alpha.f32")))
                .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, size, size, 3});
             OrtSession.Result r = session.run(Map.of("src", x))) {
            float[][][][] alpha = (float[][][][]) r.get("alpha").orElseThrow().getValue();
            double sum = 0;
            double worst = 0;
            for (int y = 0; y < size; y++) {
                for (int x1 = 0; x1 < size; x1++) {
                    double d = Math.abs(alpha[0][y][x1][0] - reference.get(y * size + x1));
                    sum += d;
                    worst = Math.max(worst, d);
                }
            }
            double mean = sum / (size * size);
            assertTrue(mean < 1e-5 && worst < 1e-3, "mean difference " + mean + ", largest " + worst); // seen: 8e-7, 9e-5
        }
    }
}
