package io.headroom.face;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.headroom.model.ModelSet;
import io.headroom.model.NhwcInput;
import io.headroom.model.OnnxModels;
import io.headroom.model.RawTranslator;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * MediaPipe's face mesh (468 landmarks, 192×192 input, converted to ONNX by the project), loaded
 * once; each worker gets its own {@link #detector()}. The face is cropped as MediaPipe crops it:
 * a square of 1.5× the detected box around its centre, turned upright by the face's roll.
 */
public final class FaceLandmarkModel implements AutoCloseable {

    public static final String ROLE = "face_landmark";
    static final int SIZE = 192;

    private final ZooModel<float[], float[][]> model;

    private FaceLandmarkModel(ZooModel<float[], float[][]> model) {
        this.model = model;
    }

    public static FaceLandmarkModel load(ModelSet models, InferenceDevice device, int intraOpThreads) {
        return new FaceLandmarkModel(OnnxModels.load(models, ROLE, device.djlDevice(), intraOpThreads, 1, SIZE, SIZE, 3));
    }

    /** Landmarks for one worker thread. */
    public LandmarkDetector detector() {
        Predictor<float[], float[][]> predictor = model.newPredictor();
        return new LandmarkDetector() {
            @Override
            public FaceLandmarks landmarks(BufferedImage image, Face face) {
                double side = 1.5 * Math.max(face.width(), face.height());
                AffineTransform toImage = new AffineTransform();
                toImage.translate(face.x() + face.width() / 2, face.y() + face.height() / 2);
                toImage.rotate(Math.toRadians(face.rollDegrees()));
                toImage.scale(side / SIZE, side / SIZE);
                toImage.translate(-SIZE / 2.0, -SIZE / 2.0);
                BufferedImage crop = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = crop.createGraphics();
                try {
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.drawImage(image, toImage.createInverse(), null);
                } catch (NoninvertibleTransformException e) {
                    throw new IllegalArgumentException("degenerate face box", e);
                } finally {
                    g.dispose();
                }
                float[] input = NhwcInput.unit(crop);
                float[][] out;
                try {
                    out = predictor.predict(input);
                } catch (TranslateException e) {
                    throw new IllegalStateException("face landmarks failed", e);
                }
                float[] points = null;
                double presence = 1;
                for (float[] o : out) {
                    if ((int) o[1] == 1404) {
                        points = RawTranslator.data(o);
                    } else if ((int) o[1] == 1 && o.length == 3) {
                        // The face flag, a logit: how sure the model is that its crop holds a face.
                        presence = 1 / (1 + Math.exp(-o[2]));
                    }
                }
                if (points == null) {
                    throw new IllegalStateException("the landmark model gave no 1404-value output");
                }
                List<Point> mapped = new ArrayList<>(468);
                List<Double> depth = new ArrayList<>(468);
                for (int i = 0; i < 468; i++) {
                    Point2D p = toImage.transform(new Point2D.Double(points[3 * i], points[3 * i + 1]), null);
                    mapped.add(new Point(p.getX(), p.getY()));
                    depth.add(points[3 * i + 2] * side / SIZE);
                }
                return new FaceLandmarks(mapped, depth, presence);
            }

            @Override
            public void close() {
                predictor.close();
            }
        };
    }

    @Override
    public void close() {
        model.close();
    }
}
