package io.headroom.installer.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TfliteToOnnxTest {

    /**
     * DJL creates ONNX Runtime's process-wide environment with options of its own and fails if one
     * exists already, so it goes first; these tests then share that environment.
     */
    @org.junit.jupiter.api.BeforeAll
    static void djlFirst() {
        System.setProperty("ai.djl.offline", "true");
        ai.djl.engine.Engine.getEngine("OnnxRuntime");
    }

    private static final Path LANDMARK = Path.of("src/test/resources/tflite/face_landmark.tflite");

    /** The shipped ONNX files are exactly what the converter makes of the original TFLite files. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"face_landmark", "selfie_segmentation"})
    void theShippedModelsAreTheConvertersOutputByteForByte(String role) throws Exception {
        byte[] converted = TfliteToOnnx.convert(Files.readAllBytes(Path.of("src/test/resources/tflite/" + role + ".tflite")));
        assertArrayEquals(Files.readAllBytes(Path.of("models/" + role + ".onnx")), converted);
        io.headroom.model.ModelSet.open(Path.of("models")).verified(role); // and the manifest's hash matches
    }

    /** Numerically the same network: ONNX Runtime on the converted model against the TFLite runtime on the original. */
    @Test
    void theConvertedLandmarkModelMatchesTheTfliteRuntime() throws Exception {
        int size = 192;
        float[] input = new float[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (int c = 0; c < 3; c++) {
                    input[(y * size + x) * 3 + c] = ((x * 7 + y * 13 + c * 29) % 256) / 255f;
                }
            }
        }
        java.util.List<float[]> reference = new java.util.ArrayList<>();
        java.util.List<Float> current = null;
        for (String line : Files.readAllLines(Path.of("src/test/resources/tflite/face_landmark.reference.txt"))) {
            if (line.startsWith("#")) {
                if (current != null) {
                    reference.add(toArray(current));
                }
                current = new java.util.ArrayList<>();
            } else if (!line.isBlank()) {
                current.add(Float.parseFloat(line));
            }
        }
        reference.add(toArray(current));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(TfliteToOnnx.convert(Files.readAllBytes(LANDMARK)), new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, size, size, 3});
             OrtSession.Result r = session.run(Map.of("input_1", x))) {
            float[] landmarks = ((float[][][][]) r.get("conv2d_21").orElseThrow().getValue())[0][0][0];
            float[] presence = ((float[][][][]) r.get("conv2d_31").orElseThrow().getValue())[0][0][0];
            double worst = 0;
            for (int i = 0; i < landmarks.length; i++) {
                worst = Math.max(worst, Math.abs(landmarks[i] - reference.get(0)[i]) / Math.max(1, Math.abs(reference.get(0)[i])));
            }
            assertTrue(worst < 1e-4, "landmarks within 1e-4 (relative to their pixel value): " + worst);
            assertTrue(Math.abs(presence[0] - reference.get(1)[0]) < 1e-3, "presence " + presence[0] + " vs " + reference.get(1)[0]);
        }
    }

    private static float[] toArray(java.util.List<Float> values) {
        float[] a = new float[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }

    @Test
    void halfPrecisionDecodes() {
        assertEquals(1.0f, io.headroom.onnx.Half.toFloat((short) 0x3C00));
        assertEquals(-2.0f, io.headroom.onnx.Half.toFloat((short) 0xC000));
        assertEquals(0.0f, io.headroom.onnx.Half.toFloat((short) 0));
        assertEquals(65504f, io.headroom.onnx.Half.toFloat((short) 0x7BFF));
        assertEquals(0x1p-24f, io.headroom.onnx.Half.toFloat((short) 1));
    }

    @Test
    void theLandmarkModelConvertsDeterministicallyAndRuns() throws Exception {
        byte[] tflite = Files.readAllBytes(LANDMARK);
        byte[] onnx = TfliteToOnnx.convert(tflite);
        assertArrayEquals(onnx, TfliteToOnnx.convert(tflite), "byte for byte the same every time");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions())) {
            float[] input = new float[192 * 192 * 3];
            java.util.Arrays.fill(input, 0.5f);
            try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 192, 192, 3});
                 OrtSession.Result r = session.run(Map.of("input_1", x))) {
                float[][][][] landmarks = (float[][][][]) r.get("conv2d_21").orElseThrow().getValue();
                assertEquals(1404, landmarks[0][0][0].length);
            }
        }
    }

    /**
     * The converted network does what the original does: on a real face, cropped as MediaPipe
     * crops it, its nose-tip and eye-corner landmarks land on BlazeFace's nose and eyes.
     */
    @Test
    void theConvertedLandmarksSitOnTheFace() throws Exception {
        java.awt.image.BufferedImage photo = javax.imageio.ImageIO.read(Path.of("../appliance/core/src/test/resources/photos/london_005_neutral.jpg").toFile());
        io.headroom.model.ModelSet models = io.headroom.model.ModelSet.open(Path.of("models"));
        io.headroom.face.Face face;
        try (io.headroom.face.BlazeFaceModel m = io.headroom.face.BlazeFaceModel.load(models, io.headroom.face.BlazeFaceModel.Variant.FRONT,
                io.headroom.face.InferenceDevice.CPU, 1, 0.5);
             io.headroom.face.FaceDetector d = m.detector()) {
            face = d.detect(photo).get(0);
        }
        double side = 1.5 * face.width();
        double x0 = face.x() + face.width() / 2 - side / 2;
        double y0 = face.y() + face.height() / 2 - side / 2;
        java.awt.image.BufferedImage crop = new java.awt.image.BufferedImage(192, 192, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = crop.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, 0, 0, 192, 192, (int) x0, (int) y0, (int) (x0 + side), (int) (y0 + side), null);
        g.dispose();
        float[] input = new float[192 * 192 * 3];
        int[] rgb = crop.getRGB(0, 0, 192, 192, null, 0, 192);
        for (int i = 0; i < rgb.length; i++) {
            input[3 * i] = ((rgb[i] >> 16) & 0xFF) / 255f;
            input[3 * i + 1] = ((rgb[i] >> 8) & 0xFF) / 255f;
            input[3 * i + 2] = (rgb[i] & 0xFF) / 255f;
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(TfliteToOnnx.convert(Files.readAllBytes(LANDMARK)), new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 192, 192, 3});
             OrtSession.Result r = session.run(Map.of("input_1", x))) {
            float[] l = ((float[][][][]) r.get("conv2d_21").orElseThrow().getValue())[0][0][0];
            float[] presence = ((float[][][][]) r.get("conv2d_31").orElseThrow().getValue())[0][0][0];
            assertTrue(presence[0] > 0, "the face-presence logit says there is a face: " + presence[0]);
            double scale = side / 192;
            java.util.function.IntFunction<io.headroom.face.Point> at = i -> new io.headroom.face.Point(x0 + l[3 * i] * scale, y0 + l[3 * i + 1] * scale);
            double tolerance = 0.12 * face.width();
            assertTrue(at.apply(1).distance(face.nose()) < tolerance, "nose tip " + at.apply(1) + " vs " + face.nose());
            io.headroom.face.Point leftEye = at.apply(33).x() < at.apply(263).x() ? at.apply(33) : at.apply(263);
            io.headroom.face.Point rightEye = at.apply(33).x() < at.apply(263).x() ? at.apply(263) : at.apply(33);
            assertTrue(leftEye.x() < face.leftEye().x() && rightEye.x() > face.rightEye().x(), "outer eye corners lie outside the eye centres");
            assertTrue(Math.abs(leftEye.y() - face.leftEye().y()) < tolerance && Math.abs(rightEye.y() - face.rightEye().y()) < tolerance,
                    "and at the eyes' height");
        }
    }

    /**
     * Numerically the same network as the TF.js version of selfie segmentation (the TFLite runtime
     * lacks its custom operator): on two photos the masks agree on average within 1e-4, nowhere by
     * more than 5e-2, and at the 0.5 threshold. The two runtimes round differently, so a pixel the
     * reference itself puts within 0.005 of 0.5 may fall either side (seen: 1 and 6 of 65 536, all
     * within 0.003); such pixels (43 on the webcam photo) must stay under 0.1 %, every other pixel is on the same side.
     * References: installer/tools/reference-tfjs.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"london_005_256", "lisa_webcam_01_256"})
    void theConvertedSegmentationMatchesTheTfjsNetwork(String name) throws Exception {
        Path dir = Path.of("src/test/resources/segmentation");
        byte[] rgb = Files.readAllBytes(dir.resolve(name + ".rgb"));
        float[] input = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            input[i] = (rgb[i] & 0xFF) / 255f;
        }
        java.nio.FloatBuffer reference = java.nio.ByteBuffer.wrap(Files.readAllBytes(dir.resolve(name + ".selfie.f32")))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        byte[] onnx = TfliteToOnnx.convert(Files.readAllBytes(Path.of("src/test/resources/tflite/selfie_segmentation.tflite")));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 256, 256, 3});
             OrtSession.Result r = session.run(Map.of("input_1", x))) {
            float[][][][] mask = (float[][][][]) r.get(0).getValue();
            assertEquals(256 * 256, reference.remaining());
            double sum = 0;
            double worst = 0;
            int disagreements = 0;
            int borderline = 0;
            int person = 0;
            for (int y = 0; y < 256; y++) {
                for (int x1 = 0; x1 < 256; x1++) {
                    float ours = mask[0][y][x1][0];
                    float theirs = reference.get(y * 256 + x1);
                    sum += Math.abs(ours - theirs);
                    worst = Math.max(worst, Math.abs(ours - theirs));
                    boolean undecided = Math.abs(theirs - 0.5f) < 0.005f;
                    borderline += undecided ? 1 : 0;
                    disagreements += !undecided && (ours >= 0.5f) != (theirs >= 0.5f) ? 1 : 0;
                    person += theirs >= 0.5f ? 1 : 0;
                }
            }
            double mean = sum / (256 * 256);
            assertTrue(person > 256 * 256 / 10 && person < 256 * 256 * 9 / 10, "the reference holds a person and a background: " + person);
            assertTrue(mean <= 1e-4, "mean difference " + mean);
            assertTrue(worst <= 5e-2, "largest difference " + worst);
            assertEquals(0, disagreements, "decided pixels on different sides of 0.5");
            assertTrue(borderline < 256 * 256 / 1000, "pixels the reference leaves within 0.005 of 0.5: " + borderline);
        }
    }

    /** The converted selfie segmentation separates a person from the studio wall behind them. */
    @Test
    void theConvertedSegmentationFindsThePerson() throws Exception {
        java.awt.image.BufferedImage photo = javax.imageio.ImageIO.read(Path.of("../appliance/core/src/test/resources/photos/london_005_neutral.jpg").toFile());
        java.awt.image.BufferedImage small = new java.awt.image.BufferedImage(256, 256, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = small.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, 0, 0, 256, 256, null);
        g.dispose();
        float[] input = new float[256 * 256 * 3];
        int[] rgb = small.getRGB(0, 0, 256, 256, null, 0, 256);
        for (int i = 0; i < rgb.length; i++) {
            input[3 * i] = ((rgb[i] >> 16) & 0xFF) / 255f;
            input[3 * i + 1] = ((rgb[i] >> 8) & 0xFF) / 255f;
            input[3 * i + 2] = (rgb[i] & 0xFF) / 255f;
        }
        byte[] onnx = TfliteToOnnx.convert(Files.readAllBytes(Path.of("src/test/resources/tflite/selfie_segmentation.tflite")));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 256, 256, 3});
             OrtSession.Result r = session.run(Map.of("input_1", x))) {
            float[][][][] mask = (float[][][][]) r.get(0).getValue();
            assertEquals(256, mask[0].length);
            float centre = mask[0][128][128][0];
            float corner = mask[0][8][8][0];
            float otherCorner = mask[0][8][247][0];
            assertTrue(centre > 0.9f, "the face is person: " + centre);
            assertTrue(corner < 0.1f && otherCorner < 0.1f, "the wall is not: " + corner + ", " + otherCorner);
        }
    }
}
