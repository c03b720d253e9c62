package io.headroom.face;

import java.util.List;

/**
 * MediaPipe face-mesh landmarks in image pixels, and what they say about the face: where it
 * looks (yaw) and whether the eyes are open. Indices are MediaPipe's canonical ones.
 */
public record FaceLandmarks(List<Point> points) {

    static final int NOSE_TIP = 1;
    static final int CHEEK_A = 234;
    static final int CHEEK_B = 454;

    public FaceLandmarks {
        points = List.copyOf(points);
        if (points.size() != 468) {
            throw new IllegalArgumentException("a face mesh has 468 landmarks");
        }
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
     * How open the eyes are: the mean over both eyes of lid gap over eye width (about 0.25–0.35
     * for open eyes, under 0.1 for closed ones).
     */
    public double eyeOpenness() {
        return (openness(159, 145, 33, 133) + openness(386, 374, 362, 263)) / 2;
    }

    private double openness(int upper, int lower, int corner1, int corner2) {
        double width = points.get(corner1).distance(points.get(corner2));
        return width <= 0 ? 0 : points.get(upper).distance(points.get(lower)) / width;
    }
}
