package io.headroom.perspective;

import io.headroom.face.Point;
import java.util.List;

/**
 * A smooth surface through values at scattered points: {@code f(p) = a + b·x + c·y + Σ wᵢ φ(|p − pᵢ|)}
 * with {@code φ(r) = r² log r}, the surface of least bending through them (lightly regularised, so
 * two nearly coincident points with different values do not make it ring).
 */
final class ThinPlateSpline {

    private static final double REGULARISATION = 1e-4;

    private final double[] cx;
    private final double[] cy;
    private final double[] weights;
    private final double a;
    private final double b;
    private final double c;
    private final double ox;
    private final double oy;
    private final double unit;

    private ThinPlateSpline(double[] cx, double[] cy, double[] weights, double a, double b, double c, double ox, double oy, double unit) {
        this.cx = cx;
        this.cy = cy;
        this.weights = weights;
        this.a = a;
        this.b = b;
        this.c = c;
        this.ox = ox;
        this.oy = oy;
        this.unit = unit;
    }

    /** The spline through {@code values} at {@code points}; {@code unit} is a length of the points' scale (it keeps the system well conditioned). */
    static ThinPlateSpline fit(List<Point> points, double[] values, double unit) {
        int n = points.size();
        if (values.length != n || n < 3 || !(unit > 0)) {
            throw new IllegalArgumentException("a spline needs three or more points, one value each");
        }
        double ox = points.stream().mapToDouble(Point::x).average().orElse(0);
        double oy = points.stream().mapToDouble(Point::y).average().orElse(0);
        double[] cx = new double[n];
        double[] cy = new double[n];
        for (int i = 0; i < n; i++) {
            cx[i] = (points.get(i).x() - ox) / unit;
            cy[i] = (points.get(i).y() - oy) / unit;
        }
        int m = n + 3;
        double[][] k = new double[m][m + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k[i][j] = i == j ? REGULARISATION : phi(cx[i] - cx[j], cy[i] - cy[j]);
            }
            k[i][n] = 1;
            k[i][n + 1] = cx[i];
            k[i][n + 2] = cy[i];
            k[n][i] = 1;
            k[n + 1][i] = cx[i];
            k[n + 2][i] = cy[i];
            k[i][m] = values[i];
        }
        double[] solution = solve(k, m);
        double[] weights = java.util.Arrays.copyOf(solution, n);
        return new ThinPlateSpline(cx, cy, weights, solution[n], solution[n + 1], solution[n + 2], ox, oy, unit);
    }

    /** The surface's value at {@code (x, y)}. */
    double at(double x, double y) {
        double px = (x - ox) / unit;
        double py = (y - oy) / unit;
        double f = a + b * px + c * py;
        for (int i = 0; i < weights.length; i++) {
            f += weights[i] * phi(px - cx[i], py - cy[i]);
        }
        return f;
    }

    private static double phi(double dx, double dy) {
        double r2 = dx * dx + dy * dy;
        return r2 <= 1e-12 ? 0 : 0.5 * r2 * Math.log(r2);
    }

    /** Gaussian elimination with partial pivoting on an augmented {@code m × (m+1)} matrix. */
    private static double[] solve(double[][] k, int m) {
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(k[r][col]) > Math.abs(k[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(k[pivot][col]) < 1e-12) {
                throw new IllegalArgumentException("the points do not span a surface (all on one line?)");
            }
            double[] t = k[col];
            k[col] = k[pivot];
            k[pivot] = t;
            double[] row = k[col];
            for (int r = col + 1; r < m; r++) {
                double f = k[r][col] / row[col];
                if (f != 0) {
                    double[] target = k[r];
                    for (int j = col; j <= m; j++) {
                        target[j] -= f * row[j];
                    }
                }
            }
        }
        double[] x = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double s = k[r][m];
            for (int j = r + 1; j < m; j++) {
                s -= k[r][j] * x[j];
            }
            x[r] = s / k[r][r];
        }
        return x;
    }
}
