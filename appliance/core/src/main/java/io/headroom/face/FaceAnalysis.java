package io.headroom.face;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Per-photo analysis: finds the face (front model, then the back model for smaller faces, then
 * the photo turned by 90°, 180°, 270° and ±45°), and judges the photo: one face, large enough,
 * sharp, well exposed. Works on a copy scaled to at most {@code analysisMaxSide}; results are in
 * pixels of the photo given.
 *
 * <p>Not thread-safe: it holds one worker's detectors.
 */
public final class FaceAnalysis {

    private static final int[] TURNS = {90, 180, 270, 45, -45, 30, -30};
    /** A second face counts when its eyes are at least this fraction as far apart as the main face's. */
    private static final double SECOND_FACE_RATIO = 0.35;
    /** Faces narrower than this fraction of the photo's long side are the back model's to find. */
    private static final double SMALL_FACE_FRACTION = 0.15;
    private static final double CONFIDENT_BACK_SCORE = 0.9;
    private static final double TURNED_SCORE = 0.85;
    private static final double REFINE_ROLL = 25;
    /** An upright face is usually found with at least this score; below it, turned frames are tried too. */
    private static final double CONFIDENT_UPRIGHT = 0.85;

    /** Eyes count as closed below this lid gap over eye width. */
    static final double CLOSED_EYES = 0.1;
    /** A head turned further than this, left or right, is looking away. */
    static final double LOOKING_AWAY_YAW = 30;
    /** A head tilted further than this, up or down, is looking away. */
    static final double LOOKING_AWAY_PITCH = 25;

    private final FaceDetector front;
    private final FaceDetector back;
    private final LandmarkDetector landmarks;
    private final FaceEmbedder embedder;
    private final AnalysisSettings settings;

    public FaceAnalysis(FaceDetector front, FaceDetector back, AnalysisSettings settings) {
        this(front, back, null, settings);
    }

    /** @param landmarks for pose and eyes; null to judge without them */
    public FaceAnalysis(FaceDetector front, FaceDetector back, LandmarkDetector landmarks, AnalysisSettings settings) {
        this(front, back, landmarks, null, settings);
    }

    /** @param embedder the identity pack's descriptor; null when the pack is not installed */
    public FaceAnalysis(FaceDetector front, FaceDetector back, LandmarkDetector landmarks, FaceEmbedder embedder, AnalysisSettings settings) {
        this.front = front;
        this.back = back;
        this.landmarks = landmarks;
        this.embedder = embedder;
        this.settings = settings;
    }

    /** The descriptor of a face found in {@code image}; empty without the identity pack. */
    public Optional<Embedding> embedding(BufferedImage image, Face face) {
        return embedder == null ? Optional.empty() : Optional.of(embedder.embed(image, face));
    }

    /** The face mesh of a face already found in {@code image}; empty when this analysis has no landmark model. */
    public Optional<FaceLandmarks> landmarks(BufferedImage image, Face face) {
        return landmarks == null ? Optional.empty() : Optional.of(landmarks.landmarks(image, face));
    }

    public PhotoAnalysis analyse(BufferedImage photo) {
        double scale = Math.min(1.0, (double) settings.analysisMaxSide() / Math.max(photo.getWidth(), photo.getHeight()));
        BufferedImage work = scale < 1.0
                ? Resize.to(photo, Math.max(1, (int) Math.round(photo.getWidth() * scale)), Math.max(1, (int) Math.round(photo.getHeight() * scale)))
                : photo;
        Exposure exposure = Exposure.of(work);
        int rotation = 0;
        List<Face> faces = detectBoth(work);
        double best = faces.stream().mapToDouble(Face::score).max().orElse(0);
        if (best < CONFIDENT_UPRIGHT) {
            // Nothing, or only an unsure face: a turned photo (upside down, on its side) is found
            // with more confidence, and with keypoints that mean what they say, once turned back.
            for (int turn : TURNS) {
                List<Face> turned = detectTurned(work, turn);
                double score = turned.stream().mapToDouble(Face::score).max().orElse(0);
                if (score > best + 0.05) {
                    faces = turned;
                    best = score;
                    rotation = turn;
                }
                if (best >= CONFIDENT_UPRIGHT) {
                    break;
                }
            }
        }
        List<Verdict> reasons = new ArrayList<>();
        if (faces.isEmpty()) {
            reasons.add(Verdict.NO_FACE);
            addExposure(exposure, reasons);
            return new PhotoAnalysis(Optional.empty(), 0, reasons, 0, exposure, 0, 0, Optional.empty(), Optional.empty());
        }
        faces.sort(Comparator.comparingDouble(Face::interEyeDistance).reversed());
        Face main = refined(work, faces.get(0));
        faces.set(0, main);
        long significant = faces.stream().filter(f -> f.interEyeDistance() >= SECOND_FACE_RATIO * main.interEyeDistance()).count();
        if (significant > 1) {
            reasons.add(Verdict.MORE_THAN_ONE_FACE);
        }
        Face original = main.scaled(1 / scale);
        if (original.interEyeDistance() < settings.minInterEyePx()) {
            reasons.add(Verdict.FACE_TOO_SMALL);
        }
        double sharpness = Sharpness.ofFace(work, main);
        if (sharpness < settings.minSharpness() && !reasons.contains(Verdict.FACE_TOO_SMALL)) {
            reasons.add(Verdict.TOO_BLURRY);
        }
        Optional<FaceLandmarks> mesh = Optional.empty();
        Pose pose = null;
        if (landmarks != null && !reasons.contains(Verdict.FACE_TOO_SMALL)) {
            mesh = Optional.of(landmarks.landmarks(work, main).scaled(1 / scale));
            pose = mesh.get().pose();
            if (Math.abs(pose.yaw()) > LOOKING_AWAY_YAW || Math.abs(pose.pitch()) > LOOKING_AWAY_PITCH) {
                reasons.add(Verdict.LOOKING_AWAY);
            } else if (pose.eyeOpenness() < CLOSED_EYES) {
                reasons.add(Verdict.EYES_CLOSED);
            }
        }
        Optional<Embedding> embedding = embedder == null || reasons.contains(Verdict.FACE_TOO_SMALL)
                ? Optional.empty() : Optional.of(embedder.embed(work, main));
        addExposure(exposure, reasons);
        double quality = quality(original, sharpness, exposure) * engagement(pose);
        return new PhotoAnalysis(Optional.of(original), (int) significant, reasons, sharpness, exposure, quality, rotation, mesh, embedding);
    }

    private static void addExposure(Exposure exposure, List<Verdict> reasons) {
        if (exposure.tooDark()) {
            reasons.add(Verdict.TOO_DARK);
        } else if (exposure.tooBright()) {
            reasons.add(Verdict.TOO_BRIGHT);
        }
    }

    /**
     * The ranking score of a usable photo, 0–1:
     * {@code 0.4·sharp + 0.3·exposure + 0.2·size + 0.1·level}, where sharp is the Laplacian
     * variance over three times the minimum (capped at 1), exposure is {@link Exposure#balance()},
     * size is the inter-eye distance over three times the minimum (capped at 1), and level is
     * 1 − |roll|/45°. Sharpness counts most: it cannot be fixed afterwards.
     */
    double quality(Face face, double sharpness, Exposure exposure) {
        double sharp = Math.min(1, sharpness / (3 * settings.minSharpness()));
        double size = Math.min(1, face.interEyeDistance() / (3 * settings.minInterEyePx()));
        double level = Math.max(0, 1 - Math.abs(face.rollDegrees()) / 45);
        return 0.4 * sharp + 0.3 * exposure.balance() + 0.2 * size + 0.1 * level;
    }

    /**
     * A strongly rolled face gets its keypoints measured again on the photo turned upright, where
     * the detector is most precise.
     */
    private Face refined(BufferedImage work, Face face) {
        double roll = face.rollDegrees();
        if (Math.abs(roll) < REFINE_ROLL) {
            return face;
        }
        int turn = (int) Math.round(-roll);
        return detectTurned(work, turn).stream()
                .filter(f -> f.iou(face) > 0.2)
                .max(Comparator.comparingDouble(Face::score))
                .orElse(face);
    }

    /**
     * Facing the camera with open eyes and a composed mouth ranks first: the quality is multiplied
     * by {@code (1 − |yaw|/90) · (1 − |pitch|/90) · min(1, eyes/0.2)}, and by 0.7 when the mouth
     * is wide open; 1 when there are no landmarks.
     */
    static double engagement(Pose pose) {
        if (pose == null) {
            return 1;
        }
        double mouth = pose.mouth() == Pose.Mouth.OPEN ? 0.7 : 1;
        return Math.max(0, 1 - Math.abs(pose.yaw()) / 90) * Math.max(0, 1 - Math.abs(pose.pitch()) / 90)
                * Math.min(1, pose.eyeOpenness() / 0.2) * mouth;
    }

    /**
     * Both models: the front one for faces that fill the frame, the back one for smaller and
     * farther faces. The back model also "sees" faces in cats and cups, so a large face from it
     * must be very certain; a small one is what it is for.
     */
    private List<Face> detectBoth(BufferedImage image) {
        List<Face> faces = new ArrayList<>(front.detect(image));
        if (back == null) {
            return faces;
        }
        double longSide = Math.max(image.getWidth(), image.getHeight());
        for (Face b : back.detect(image)) {
            boolean small = b.width() <= SMALL_FACE_FRACTION * longSide;
            // A small, uncertain face must at least be roughly upright: turned faces are looked
            // for in turned frames, with a strict threshold.
            boolean plausible = small ? Math.abs(b.rollDegrees()) <= 45 : b.score() >= CONFIDENT_BACK_SCORE;
            if (!plausible) {
                continue;
            }
            if (faces.stream().noneMatch(f -> f.iou(b) > 0.3)) {
                faces.add(b);
            }
        }
        return faces;
    }

    /** Detects on the image turned by {@code degrees} (clockwise) and maps the faces back. */
    private List<Face> detectTurned(BufferedImage image, int degrees) {
        double r = Math.toRadians(degrees);
        int w = image.getWidth();
        int h = image.getHeight();
        double cos = Math.abs(Math.cos(r));
        double sin = Math.abs(Math.sin(r));
        int tw = (int) Math.ceil(w * cos + h * sin);
        int th = (int) Math.ceil(w * sin + h * cos);
        AffineTransform t = new AffineTransform();
        t.translate(tw / 2.0, th / 2.0);
        t.rotate(r);
        t.translate(-w / 2.0, -h / 2.0);
        BufferedImage turned = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        AffineTransform back;
        try {
            back = t.createInverse();
        } catch (NoninvertibleTransformException e) {
            throw new IllegalStateException(e);
        }
        List<Face> out = new ArrayList<>();
        for (Face f : detectBoth(turned)) {
            // Turned frames invite false faces (a cat, a cup): only confident ones count there.
            if (f.score() >= TURNED_SCORE) {
                out.add(mapped(f, back));
            }
        }
        return out;
    }

    private static Face mapped(Face f, AffineTransform t) {
        List<Point> kp = new ArrayList<>(6);
        for (Point p : f.keypoints()) {
            Point2D q = t.transform(new Point2D.Double(p.x(), p.y()), null);
            kp.add(new Point(q.getX(), q.getY()));
        }
        Point2D c = t.transform(new Point2D.Double(f.x() + f.width() / 2, f.y() + f.height() / 2), null);
        return new Face(f.score(), c.getX() - f.width() / 2, c.getY() - f.height() / 2, f.width(), f.height(), kp);
    }
}
