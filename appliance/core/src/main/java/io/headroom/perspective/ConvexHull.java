package io.headroom.perspective;

import io.headroom.face.Point;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The convex hull of a set of points (Andrew's monotone chain), counter-clockwise in image coordinates' sense of the maths. */
final class ConvexHull {

    private final List<Point> corners;

    private ConvexHull(List<Point> corners) {
        this.corners = corners;
    }

    static ConvexHull of(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y));
        if (sorted.size() < 3) {
            throw new IllegalArgumentException("a hull needs three points");
        }
        List<Point> hull = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            int start = hull.size();
            for (Point p : sorted) {
                while (hull.size() >= start + 2 && cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), p) <= 0) {
                    hull.remove(hull.size() - 1);
                }
                hull.add(p);
            }
            hull.remove(hull.size() - 1);
            java.util.Collections.reverse(sorted);
        }
        return new ConvexHull(List.copyOf(hull));
    }

    private static double cross(Point o, Point a, Point b) {
        return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
    }

    double minX() {
        return corners.stream().mapToDouble(Point::x).min().orElseThrow();
    }

    double maxX() {
        return corners.stream().mapToDouble(Point::x).max().orElseThrow();
    }

    double minY() {
        return corners.stream().mapToDouble(Point::y).min().orElseThrow();
    }

    double maxY() {
        return corners.stream().mapToDouble(Point::y).max().orElseThrow();
    }

    /** How far {@code (x, y)} lies outside the hull; 0 inside or on it. */
    double distanceOutside(double x, double y) {
        boolean inside = true;
        double nearest = Double.MAX_VALUE;
        int n = corners.size();
        for (int i = 0; i < n; i++) {
            Point a = corners.get(i);
            Point b = corners.get((i + 1) % n);
            if (cross(a, b, new Point(x, y)) < 0) {
                inside = false;
            }
            nearest = Math.min(nearest, segmentDistance(a, b, x, y));
        }
        return inside ? 0 : nearest;
    }

    private static double segmentDistance(Point a, Point b, double x, double y) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x()) * dx + (y - a.y()) * dy) / len2));
        return Math.hypot(x - (a.x() + t * dx), y - (a.y() + t * dy));
    }
}
