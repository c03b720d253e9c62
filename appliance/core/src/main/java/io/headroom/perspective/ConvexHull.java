package io.headroom.perspective;

import io.headroom.face.Point;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The convex hull of a set of points (Andrew's monotone chain), counter-clockwise in image coordinates' sense of the maths. */
final class ConvexHull {

    private final List<Point> corners;
    private final double[] cx;
    private final double[] cy;

    private ConvexHull(List<Point> corners) {
        this.corners = corners;
        this.cx = corners.stream().mapToDouble(Point::x).toArray();
        this.cy = corners.stream().mapToDouble(Point::y).toArray();
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
        int n = cx.length;
        boolean inside = true;
        for (int i = 0; i < n && inside; i++) {
            int j = (i + 1) % n;
            inside = (cx[j] - cx[i]) * (y - cy[i]) - (cy[j] - cy[i]) * (x - cx[i]) >= 0;
        }
        if (inside) {
            return 0;
        }
        double nearest = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double dx = cx[j] - cx[i];
            double dy = cy[j] - cy[i];
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - cx[i]) * dx + (y - cy[i]) * dy) / len2));
            double ex = x - (cx[i] + t * dx);
            double ey = y - (cy[i] + t * dy);
            nearest = Math.min(nearest, ex * ex + ey * ey);
        }
        return Math.sqrt(nearest);
    }
}
