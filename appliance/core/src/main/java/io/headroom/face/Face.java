package io.headroom.face;

import java.util.List;

/**
 * One detected face in image pixels: the box and BlazeFace's six keypoints, in its order — the
 * eye on the image's left, the eye on the image's right, nose tip, mouth centre, ear on the
 * image's left, ear on the image's right.
 */
public record Face(double score, double x, double y, double width, double height, List<Point> keypoints) {

    public Face {
        keypoints = List.copyOf(keypoints);
        if (keypoints.size() != 6) {
            throw new IllegalArgumentException("BlazeFace gives six keypoints");
        }
    }

    public Point leftEye() {
        Point a = keypoints.get(0);
        Point b = keypoints.get(1);
        return a.x() <= b.x() ? a : b;
    }

    public Point rightEye() {
        Point a = keypoints.get(0);
        Point b = keypoints.get(1);
        return a.x() <= b.x() ? b : a;
    }

    public Point nose() {
        return keypoints.get(2);
    }

    public Point mouth() {
        return keypoints.get(3);
    }

    /** Distance between the eye centres, the face's scale. */
    public double interEyeDistance() {
        return leftEye().distance(rightEye());
    }

    /**
     * Roll in degrees: how far the face is turned in the image plane, clockwise positive, 0 for an
     * upright face. Measured on the eye line, which way is "down" decided by the mouth, so a face
     * on its side or upside down is recognised as such.
     */
    public double rollDegrees() {
        Point a = keypoints.get(0);
        Point b = keypoints.get(1);
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        Point c = eyeCentre();
        // The eye-line direction turned by +90° (image coordinates, y down) must point at the mouth.
        double towardsMouth = -dy * (mouth().x() - c.x()) + dx * (mouth().y() - c.y());
        if (towardsMouth < 0) {
            dx = -dx;
            dy = -dy;
        }
        return Math.toDegrees(Math.atan2(dy, dx));
    }

    public Point eyeCentre() {
        Point l = leftEye();
        Point r = rightEye();
        return new Point((l.x() + r.x()) / 2, (l.y() + r.y()) / 2);
    }

    /** The same face in an image {@code s} times larger (keypoints included). */
    public Face scaled(double s) {
        List<Point> kp = keypoints.stream().map(p -> new Point(p.x() * s, p.y() * s)).toList();
        return new Face(score, x * s, y * s, width * s, height * s, kp);
    }

    double area() {
        return width * height;
    }

    double iou(Face o) {
        double ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
        double iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
        double inter = ix * iy;
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
