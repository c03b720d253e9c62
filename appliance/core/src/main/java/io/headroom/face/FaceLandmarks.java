package io.headroom.face;

import java.util.List;

/**
 * MediaPipe face-mesh landmarks in image pixels, with each point's depth (same scale as x and y,
 * smaller is nearer the camera), and what they say about the face: where it looks, whether the
 * eyes and mouth are open. Indices are MediaPipe's canonical ones.
 *
 * @param presence the mesh model's own confidence that its crop holds a face, 0–1
 */
public record FaceLandmarks(List<Point> points, List<Double> depth, double presence) {

    public static final int NOSE_TIP = 1;
    static final int CHEEK_A = 234;
    static final int CHEEK_B = 454;
    static final int FOREHEAD = 10;
    static final int CHIN = 152;
    static final int UPPER_LIP_INNER = 13;
    static final int LOWER_LIP_INNER = 14;
    static final int MOUTH_CORNER_A = 61;
    static final int MOUTH_CORNER_B = 291;

    /** A mesh given as certain (drawn meshes in tests, meshes moved by a warp of the measured one). */
    public FaceLandmarks(List<Point> points, List<Double> depth) {
        this(points, depth, 1);
    }

    public FaceLandmarks {
        points = List.copyOf(points);
        depth = List.copyOf(depth);
        if (points.size() != 468 || depth.size() != 468) {
            throw new IllegalArgumentException("a face mesh has 468 landmarks");
        }
    }

    /** The landmarks moved and scaled as a face is ({@code p · factor}). */
    public FaceLandmarks scaled(double factor) {
        return new FaceLandmarks(points.stream().map(p -> new Point(p.x() * factor, p.y() * factor)).toList(),
                depth.stream().map(z -> z * factor).toList(), presence);
    }

    /** The same mesh with its points at {@code moved} (depths kept). */
    public FaceLandmarks movedTo(List<Point> moved) {
        return new FaceLandmarks(moved, depth, presence);
    }

    /** Distance between the eye centres (each the middle of its two corners), the face's scale. */
    public double eyeDistance() {
        return eyeCentre(33, 133).distance(eyeCentre(362, 263));
    }

    /** The mean depth of the four eye corners: the eyes' plane. */
    public double eyeDepth() {
        return (depth.get(33) + depth.get(133) + depth.get(362) + depth.get(263)) / 4;
    }

    private Point eyeCentre(int cornerA, int cornerB) {
        Point a = points.get(cornerA);
        Point b = points.get(cornerB);
        return new Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
    }

    /**
     * Left–right turn of the head in degrees (0 = facing the camera), from where the nose tip sits
     * between the two sides of the face.
     */
    public double yawDegrees() {
        double a = points.get(NOSE_TIP).distance(points.get(CHEEK_A));
        double b = points.get(NOSE_TIP).distance(points.get(CHEEK_B));
        double ratio = (b - a) / Math.max(1e-6, a + b);
        return Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, ratio))));
    }

    /**
     * Up–down tilt of the head in degrees, positive when the chin is raised, from the depth of the
     * forehead against the chin: tilting the head back moves the forehead away from the camera.
     * (On the project's frontal test portraits the mesh puts both at about the same depth: −7° to
     * +3°, so no offset is applied.)
     */
    public double pitchDegrees() {
        double length = points.get(FOREHEAD).distance(points.get(CHIN));
        double rise = depth.get(FOREHEAD) - depth.get(CHIN);
        return Math.toDegrees(Math.atan2(rise, Math.max(1e-6, length)));
    }

    /** Tilt of the eye line in degrees (clockwise in the image is positive). */
    public double rollDegrees() {
        Point a = points.get(33);
        Point b = points.get(263);
        Point left = a.x() <= b.x() ? a : b;
        Point right = a.x() <= b.x() ? b : a;
        return Math.toDegrees(Math.atan2(right.y() - left.y(), right.x() - left.x()));
    }

    /**
     * How open the eyes are: the mean over both eyes of lid gap over eye width (about 0.25–0.35
     * for open eyes, under 0.1 for closed ones).
     */
    public double eyeOpenness() {
        return (openness(159, 145, 33, 133) + openness(386, 374, 362, 263)) / 2;
    }

    /** Inner-lip gap over mouth width: under 0.05 closed, up to about 0.3 when talking or smiling, more when wide open. */
    public double mouthOpenness() {
        return openness(UPPER_LIP_INNER, LOWER_LIP_INNER, MOUTH_CORNER_A, MOUTH_CORNER_B);
    }

    public Pose pose() {
        return new Pose(rollDegrees(), yawDegrees(), pitchDegrees(), eyeOpenness(), mouthOpenness());
    }

    private double openness(int upper, int lower, int corner1, int corner2) {
        double width = points.get(corner1).distance(points.get(corner2));
        return width <= 0 ? 0 : points.get(upper).distance(points.get(lower)) / width;
    }
}
