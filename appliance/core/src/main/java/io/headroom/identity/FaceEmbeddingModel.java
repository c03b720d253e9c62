package io.headroom.identity;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.headroom.face.Embedding;
import io.headroom.face.Face;
import io.headroom.face.FaceEmbedder;
import io.headroom.face.InferenceDevice;
import io.headroom.face.Point;
import io.headroom.model.ModelSet;
import io.headroom.model.NhwcInput;
import io.headroom.model.OnnxModels;
import io.headroom.model.RawTranslator;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The optional identity pack's face descriptor (1024 values), loaded once; each worker gets its
 * own {@link #embedder()}. Faces are aligned as face-recognition networks expect: turned level
 * and scaled so the eyes land on the standard template's eye positions (at 224×224).
 */
public final class FaceEmbeddingModel implements AutoCloseable {

    public static final String ROLE = "face_embedding";
    static final int SIZE = 224;
    // The standard template for aligned face crops (eye centres of ArcFace/InsightFace's 112×112), doubled.
    private static final Point LEFT_EYE = new Point(2 * 38.2946, 2 * 51.6963);
    private static final Point RIGHT_EYE = new Point(2 * 73.5318, 2 * 51.5014);

    private final ZooModel<float[], float[][]> model;

    private FaceEmbeddingModel(ZooModel<float[], float[][]> model) {
        this.model = model;
    }

    /** The model, when the pack is installed. */
    public static java.util.Optional<FaceEmbeddingModel> loadIfInstalled(ModelSet models, InferenceDevice device, int intraOpThreads) {
        if (!models.has(ROLE)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FaceEmbeddingModel(OnnxModels.load(models, ROLE, device.djlDevice(), intraOpThreads, 1, SIZE, SIZE, 3)));
    }

    public FaceEmbedder embedder() {
        Predictor<float[], float[][]> predictor = model.newPredictor();
        return new FaceEmbedder() {
            @Override
            public Embedding embed(BufferedImage image, Face face) {
                float[] input = aligned(image, face);
                try {
                    return new Embedding(RawTranslator.data(predictor.predict(input)[0]));
                } catch (TranslateException e) {
                    throw new IllegalStateException("face embedding failed", e);
                } finally {
                    java.util.Arrays.fill(input, 0f);
                }
            }

            @Override
            public void close() {
                predictor.close();
            }
        };
    }

    /** The face warped onto the template, as NHWC values 0–255 (what the network was trained on). */
    static float[] aligned(BufferedImage image, Face face) {
        Point l = face.leftEye();
        Point r = face.rightEye();
        double scale = LEFT_EYE.distance(RIGHT_EYE) / l.distance(r);
        double angle = Math.atan2(RIGHT_EYE.y() - LEFT_EYE.y(), RIGHT_EYE.x() - LEFT_EYE.x()) - Math.atan2(r.y() - l.y(), r.x() - l.x());
        AffineTransform toCrop = new AffineTransform();
        toCrop.translate(LEFT_EYE.x(), LEFT_EYE.y());
        toCrop.rotate(angle);
        toCrop.scale(scale, scale);
        toCrop.translate(-l.x(), -l.y());
        BufferedImage crop = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = crop.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, toCrop, null);
        } finally {
            g.dispose();
        }
        float[] input = NhwcInput.scaled(crop, 1);
        crop.flush();
        return input;
    }

    @Override
    public void close() {
        model.close();
    }
}
