package io.headroom.face;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * BlazeFace inference for one thread: letterbox the image into the network's square input, run,
 * decode the two anchor heads (16×16 cells × 2 anchors, 8×8 cells × 6 anchors), merge overlapping
 * detections by score-weighted averaging (as MediaPipe does) and map back to image pixels.
 */
final class BlazeFaceDetector implements FaceDetector {

    private static final double NMS_IOU = 0.3;
    private static final int[][] HEADS = {{16, 2}, {8, 6}}; // cells per row, anchors per cell

    private final Predictor<float[], float[][]> predictor;
    private final int size;
    private final double threshold;

    BlazeFaceDetector(Predictor<float[], float[][]> predictor, int size, double threshold) {
        this.predictor = predictor;
        this.size = size;
        this.threshold = threshold;
    }

    @Override
    public List<Face> detect(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = (double) size / Math.max(w, h);
        int sw = Math.max(1, (int) Math.round(w * scale));
        int sh = Math.max(1, (int) Math.round(h * scale));
        int padX = (size - sw) / 2;
        int padY = (size - sh) / 2;
        float[] input = letterbox(image, sw, sh, padX, padY);
        float[][] outputs;
        try {
            outputs = predictor.predict(input);
        } catch (TranslateException e) {
            throw new IllegalStateException("face detection failed", e);
        }
        List<Face> raw = decode(outputs);
        List<Face> merged = weightedNms(raw);
        List<Face> faces = new ArrayList<>();
        for (Face f : merged) {
            faces.add(toImage(f, scale, padX, padY));
        }
        faces.sort(Comparator.comparingDouble(Face::score).reversed());
        return faces;
    }

    /** The image scaled into the square input, centred, padding black; RGB in [-1, 1], NHWC. */
    private float[] letterbox(BufferedImage image, int sw, int sh, int padX, int padY) {
        BufferedImage scaled = Resize.to(image, sw, sh);
        BufferedImage square = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(scaled, padX, padY, null);
        } finally {
            g.dispose();
        }
        int[] rgb = square.getRGB(0, 0, size, size, null, 0, size);
        float[] out = new float[size * size * 3];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            out[3 * i] = ((p >> 16) & 0xFF) / 127.5f - 1f;
            out[3 * i + 1] = ((p >> 8) & 0xFF) / 127.5f - 1f;
            out[3 * i + 2] = (p & 0xFF) / 127.5f - 1f;
        }
        return out;
    }

    private List<Face> decode(float[][] outputs) {
        List<Face> faces = new ArrayList<>();
        for (int[] head : HEADS) {
            int cells = head[0];
            int anchors = head[1];
            int count = cells * cells * anchors;
            float[] scores = find(outputs, count, 1);
            float[] boxes = find(outputs, count, 16);
            for (int cy = 0; cy < cells; cy++) {
                for (int cx = 0; cx < cells; cx++) {
                    double ax = (cx + 0.5) / cells;
                    double ay = (cy + 0.5) / cells;
                    for (int a = 0; a < anchors; a++) {
                        int idx = (cy * cells + cx) * anchors + a;
                        double score = 1 / (1 + Math.exp(-scores[idx]));
                        if (score < threshold) {
                            continue;
                        }
                        int b = idx * 16;
                        double x = ax + boxes[b] / size;
                        double y = ay + boxes[b + 1] / size;
                        double bw = boxes[b + 2] / size;
                        double bh = boxes[b + 3] / size;
                        List<Point> kp = new ArrayList<>(6);
                        for (int k = 0; k < 6; k++) {
                            kp.add(new Point(ax + boxes[b + 4 + 2 * k] / size, ay + boxes[b + 5 + 2 * k] / size));
                        }
                        faces.add(new Face(score, x - bw / 2, y - bh / 2, bw, bh, kp));
                    }
                }
            }
        }
        return faces;
    }

    /** The output tensor with {@code count} rows of {@code last} values (outputs are tagged with those two dims). */
    private static float[] find(float[][] outputs, int count, int last) {
        for (float[] o : outputs) {
            if ((int) o[0] == count && (int) o[1] == last) {
                return io.headroom.model.RawTranslator.data(o);
            }
        }
        throw new IllegalStateException("the face detection model has no output of " + count + "×" + last);
    }

    private static List<Face> weightedNms(List<Face> faces) {
        List<Face> remaining = new ArrayList<>(faces);
        remaining.sort(Comparator.comparingDouble(Face::score).reversed());
        List<Face> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Face best = remaining.get(0);
            List<Face> cluster = new ArrayList<>();
            for (Face f : remaining) {
                if (best.iou(f) > NMS_IOU) {
                    cluster.add(f);
                }
            }
            remaining.removeAll(cluster);
            double total = cluster.stream().mapToDouble(Face::score).sum();
            double x = 0;
            double y = 0;
            double w = 0;
            double h = 0;
            double[] kx = new double[6];
            double[] ky = new double[6];
            for (Face f : cluster) {
                double s = f.score() / total;
                x += f.x() * s;
                y += f.y() * s;
                w += f.width() * s;
                h += f.height() * s;
                for (int k = 0; k < 6; k++) {
                    kx[k] += f.keypoints().get(k).x() * s;
                    ky[k] += f.keypoints().get(k).y() * s;
                }
            }
            List<Point> kp = new ArrayList<>(6);
            for (int k = 0; k < 6; k++) {
                kp.add(new Point(kx[k], ky[k]));
            }
            out.add(new Face(best.score(), x, y, w, h, kp));
        }
        return out;
    }

    /** From normalised input coordinates to pixels of the original image. */
    private Face toImage(Face f, double scale, int padX, int padY) {
        List<Point> kp = new ArrayList<>(6);
        for (Point p : f.keypoints()) {
            kp.add(new Point((p.x() * size - padX) / scale, (p.y() * size - padY) / scale));
        }
        return new Face(f.score(), (f.x() * size - padX) / scale, (f.y() * size - padY) / scale,
                f.width() * size / scale, f.height() * size / scale, kp);
    }

    @Override
    public void close() {
        predictor.close();
    }
}
