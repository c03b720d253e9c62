package io.headroom.perspective;

import io.headroom.face.FaceLandmarks;
import io.headroom.face.Point;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Shows a close selfie's face as seen from a portrait distance, by warping the real photo.
 *
 * <p>The model (after Fried et al., "Perspective-aware manipulation of portrait photos", 2016): a
 * point at depth {@code δ} behind the eyes' plane, seen from {@code d} (camera to eyes), is drawn at
 * {@code g = (1 + δ/d) · D / (D + δ)} times its offset from the camera's axis when the camera moves
 * back to {@code D} and zooms to keep the eyes the same size. Near the camera the nose (δ < 0) is
 * drawn too large and the face's sides (δ > 0) too small; the correction moves every face-mesh
 * point to where it would be seen from {@link #PORTRAIT_DISTANCE_CM}, and the photo follows by a
 * smooth warp (a thin-plate spline of depth over the moved points), fading to no warp within half
 * an eye distance outside the face and at the frame's edges: hair, neck and background stay as
 * they were. Every output pixel is a pixel of the photo, resampled.
 *
 * <p>Depth comes from the mesh, in centimetres by taking the eye distance as
 * {@value #EYE_DISTANCE_CM} cm, but never more than {@value #MAX_BEHIND_EYES_CM} cm behind the eyes:
 * what a photo shows at a face's sides from close up is its silhouette, where the view ray grazes
 * the cheek, well forward of the mesh's points near the ears. Measured on the project's 15 cm / 60
 * cm pair, the silhouette changes with distance as a point about 2 cm behind the eyes does.
 *
 * <p>Thread-safe (stateless).
 */
public final class SelfiePerspective {

    /** The distance the face is shown from after correction: a portrait lens's working distance. */
    public static final double PORTRAIT_DISTANCE_CM = 150;
    /** The adult mean distance between the eye centres (interpupillary distance, about 6.1–6.5 cm). */
    public static final double EYE_DISTANCE_CM = 6.3;
    /** The most a correction may shrink the nose tip relative to the eyes (a camera about 17 cm away). */
    public static final double MAX_CORRECTION = 0.20;
    /** Below this there is nothing worth correcting (a camera about 1.2 m away or more). */
    static final double MIN_CORRECTION = 0.01;
    /** Beyond this turn or tilt of the head the mesh's depth is not trusted. */
    static final double MAX_YAW_DEGREES = 15;
    static final double MAX_PITCH_DEGREES = 20;
    /**
     * Without the photo's own lens, a phone's front camera is assumed; a cropped photo from further
     * away (a studio portrait cut to a square) would look just as close. So with an assumed lens
     * the correction is trusted fully only for a clearly close selfie (up to this distance) ...
     */
    static final double ASSUMED_FULL_CM = 25;
    /** ... fading to none at this one. */
    static final double ASSUMED_NONE_CM = 35;
    /** Below this the mesh model doubts its crop holds a face. */
    static final double MIN_PRESENCE = 0.5;
    static final double MAX_BEHIND_EYES_CM = 1.5;
    static final double MAX_BEFORE_EYES_CM = 5;
    /** The fade to no warp outside the face, in eye distances. */
    static final double FADE = 0.5;
    /** The fade to no warp at the frame's edges, as a share of its shorter side. */
    static final double EDGE_FADE = 0.04;
    /** Where the source position is computed (and interpolated between). */
    private static final int GRID = 4;
    /** Where the depth spline is evaluated (and interpolated between): depth varies slowly. */
    private static final int DEPTH_GRID = 16;

    private SelfiePerspective() {
    }

    /**
     * The camera-to-eyes distance in centimetres, from the eye distance in the photo's pixels and
     * the camera's field of view across the photo.
     */
    public static double distanceCm(double eyeDistancePx, int photoWidth, FieldOfView fov) {
        if (!(eyeDistancePx > 0)) {
            throw new IllegalArgumentException("an eye distance is positive");
        }
        return fov.focalPixels(photoWidth) * EYE_DISTANCE_CM / eyeDistancePx;
    }

    /** A corrected (or untouched) image's perspective and its face mesh where the warp moved it. */
    public record Result(Perspective perspective, FaceLandmarks mesh) {
    }

    /**
     * Corrects the perspective of the face in {@code image}, in place, when it is worth correcting
     * and the estimate can be trusted; otherwise leaves the image as it is and says why.
     *
     * @param mesh       the face mesh measured on {@code image}, in its pixels
     * @param distanceCm the estimated camera-to-eyes distance ({@link #distanceCm})
     * @param axis       where the camera's axis met the photo (its centre), in {@code image}'s pixels
     */
    public static Result correct(BufferedImage image, FaceLandmarks mesh, double distanceCm, boolean assumedFov, Point axis) {
        OptionalInt cm = distanceCm > 0 && distanceCm < Integer.MAX_VALUE ? OptionalInt.of((int) Math.round(distanceCm)) : OptionalInt.empty();
        if (mesh.presence() < MIN_PRESENCE || !(mesh.eyeDistance() > 1) || !(distanceCm > 0) || Double.isInfinite(distanceCm)) {
            return new Result(Perspective.skipped(cm, assumedFov, "unsure"), mesh);
        }
        if (Math.abs(mesh.yawDegrees()) > MAX_YAW_DEGREES || Math.abs(mesh.pitchDegrees()) > MAX_PITCH_DEGREES) {
            return new Result(Perspective.skipped(cm, assumedFov, "turned"), mesh);
        }
        double[] relief = relief(mesh);
        double nose = relief[io.headroom.face.FaceLandmarks.NOSE_TIP];
        double correction = 1 - scale(nose, distanceCm);
        if (correction < MIN_CORRECTION) {
            return new Result(Perspective.skipped(cm, assumedFov, "far"), mesh);
        }
        if (assumedFov) {
            correction *= trust(distanceCm);
            if (correction < MIN_CORRECTION) {
                return new Result(Perspective.skipped(cm, true, "lens-unknown"), mesh);
            }
        }
        // Never more than the limit; a correction cut down is made as if the camera had been that much further away.
        correction = Math.min(MAX_CORRECTION, correction);
        double d = distanceAt(correction, nose);
        correction = 1 - scale(nose, d);
        List<Point> moved = new ArrayList<>(relief.length);
        for (int i = 0; i < relief.length; i++) {
            Point p = mesh.points().get(i);
            double g = scale(relief[i], d);
            moved.add(new Point(axis.x() + (p.x() - axis.x()) * g, axis.y() + (p.y() - axis.y()) * g));
        }
        warp(image, moved, relief, d, axis, mesh.eyeDistance());
        return new Result(new Perspective(cm, assumedFov, correction, Optional.empty()), mesh.movedTo(moved));
    }

    /** How far an estimate made with an assumed lens is trusted: 1 up to {@link #ASSUMED_FULL_CM}, 0 from {@link #ASSUMED_NONE_CM}. */
    static double trust(double distanceCm) {
        double t = (ASSUMED_NONE_CM - distanceCm) / (ASSUMED_NONE_CM - ASSUMED_FULL_CM);
        return Math.max(0, Math.min(1, t));
    }

    /** Each mesh point's depth behind the eyes' plane in centimetres, within the limits the model trusts. */
    static double[] relief(FaceLandmarks mesh) {
        double cmPerPixel = EYE_DISTANCE_CM / mesh.eyeDistance();
        double eyes = mesh.eyeDepth();
        double[] relief = new double[mesh.points().size()];
        for (int i = 0; i < relief.length; i++) {
            double cm = (mesh.depth().get(i) - eyes) * cmPerPixel;
            relief[i] = Math.max(-MAX_BEFORE_EYES_CM, Math.min(MAX_BEHIND_EYES_CM, cm));
        }
        return relief;
    }

    /** How much larger a point {@code depth} cm behind the eyes is drawn from the portrait distance than from {@code d}. */
    static double scale(double depth, double d) {
        return (1 + depth / d) * PORTRAIT_DISTANCE_CM / (PORTRAIT_DISTANCE_CM + depth);
    }

    /** The distance from which the correction of a nose {@code nose} cm before the eyes is {@code correction}. */
    static double distanceAt(double correction, double nose) {
        return nose / ((1 - correction) * (PORTRAIT_DISTANCE_CM + nose) / PORTRAIT_DISTANCE_CM - 1);
    }

    /**
     * Backward warp: each output pixel near the face takes the photo's colour from where the
     * correction moved it from. The depth field is a thin-plate spline through the moved points'
     * depths, faded to 0 outside the face and at the frame's edges; a depth of 0 is no move.
     */
    private static void warp(BufferedImage image, List<Point> moved, double[] relief, double d, Point axis, double eyeDistance) {
        int w = image.getWidth();
        int h = image.getHeight();
        // Every other mesh point is plenty for a surface as smooth as a face's depth, at an eighth of the solve.
        List<Point> knots = new ArrayList<>();
        double[] values = new double[(moved.size() + 1) / 2];
        for (int i = 0; i < moved.size(); i += 2) {
            knots.add(moved.get(i));
            values[i / 2] = relief[i];
        }
        ThinPlateSpline depth = ThinPlateSpline.fit(knots, values, eyeDistance);
        ConvexHull face = ConvexHull.of(moved);
        double band = FADE * eyeDistance;
        int x0 = clamp((int) Math.floor(face.minX() - band), w);
        int y0 = clamp((int) Math.floor(face.minY() - band), h);
        int x1 = clamp((int) Math.ceil(face.maxX() + band), w);
        int y1 = clamp((int) Math.ceil(face.maxY() + band), h);
        int rw = x1 - x0 + 1;
        int rh = y1 - y0 + 1;
        if (rw < 2 || rh < 2) {
            return;
        }
        // Depth on a coarse grid (the spline is the costly part) ...
        int dw = (rw + DEPTH_GRID - 1) / DEPTH_GRID + 1;
        int dh = (rh + DEPTH_GRID - 1) / DEPTH_GRID + 1;
        double[] z = new double[dw * dh];
        for (int j = 0; j < dh; j++) {
            for (int i = 0; i < dw; i++) {
                z[j * dw + i] = Math.max(-MAX_BEFORE_EYES_CM, Math.min(MAX_BEHIND_EYES_CM, depth.at(x0 + i * DEPTH_GRID, y0 + j * DEPTH_GRID)));
            }
        }
        // ... faded on the fine grid, outside the face and at the frame's edges, so the fade ends where it says.
        int gw = (rw + GRID - 1) / GRID + 1;
        int gh = (rh + GRID - 1) / GRID + 1;
        float[] sx = new float[gw * gh];
        float[] sy = new float[gw * gh];
        double edge = EDGE_FADE * Math.min(w, h);
        for (int j = 0; j < gh; j++) {
            double fy = (double) (j * GRID) / DEPTH_GRID;
            int dj = Math.min(dh - 2, (int) fy);
            for (int i = 0; i < gw; i++) {
                double qx = x0 + i * GRID;
                double qy = y0 + j * GRID;
                double weight = smooth(1 - face.distanceOutside(qx, qy) / band)
                        * smooth(Math.min(Math.min(qx, qy), Math.min(w - 1 - qx, h - 1 - qy)) / edge);
                double g = 1;
                if (weight > 0) {
                    double fx = (double) (i * GRID) / DEPTH_GRID;
                    int di = Math.min(dw - 2, (int) fx);
                    int k = dj * dw + di;
                    g = scale(weight * lerp(z[k], z[k + 1], z[k + dw], z[k + dw + 1], fx - di, fy - dj), d);
                }
                sx[j * gw + i] = (float) (axis.x() + (qx - axis.x()) / g);
                sy[j * gw + i] = (float) (axis.y() + (qy - axis.y()) / g);
            }
        }
        // Sample from a copy reaching as far as any source position can (the region plus a margin).
        int m = (int) Math.ceil(band) + 2;
        int cx0 = Math.max(0, x0 - m);
        int cy0 = Math.max(0, y0 - m);
        int cw = Math.min(w, x1 + m + 1) - cx0;
        int ch = Math.min(h, y1 + m + 1) - cy0;
        int[] src = image.getRGB(cx0, cy0, cw, ch, null, 0, cw);
        int[] out = image.getRGB(x0, y0, rw, rh, null, 0, rw);
        // Cell by cell of the fine grid; a cell whose four corners stay put is left as it is.
        for (int gj = 0; gj < gh - 1; gj++) {
            for (int gi = 0; gi < gw - 1; gi++) {
                int k = gj * gw + gi;
                if (still(sx, sy, k, x0 + gi * GRID, y0 + gj * GRID) && still(sx, sy, k + 1, x0 + (gi + 1) * GRID, y0 + gj * GRID)
                        && still(sx, sy, k + gw, x0 + gi * GRID, y0 + (gj + 1) * GRID)
                        && still(sx, sy, k + gw + 1, x0 + (gi + 1) * GRID, y0 + (gj + 1) * GRID)) {
                    continue;
                }
                int yEnd = Math.min(rh, (gj + 1) * GRID);
                int xEnd = Math.min(rw, (gi + 1) * GRID);
                for (int y = gj * GRID; y < yEnd; y++) {
                    double fy = (y - gj * GRID) / (double) GRID;
                    // Along a row of a cell the source moves linearly: step it.
                    double lx = sx[k] + (sx[k + gw] - sx[k]) * fy - cx0;
                    double ly = sy[k] + (sy[k + gw] - sy[k]) * fy - cy0;
                    double dx = (sx[k + 1] + (sx[k + gw + 1] - sx[k + 1]) * fy - cx0 - lx) / GRID;
                    double dy = (sy[k + 1] + (sy[k + gw + 1] - sy[k + 1]) * fy - cy0 - ly) / GRID;
                    for (int x = gi * GRID, n = 0; x < xEnd; x++, n++) {
                        out[y * rw + x] = io.headroom.raster.Bilinear.rgb(src, cw, ch, lx + n * dx, ly + n * dy);
                    }
                }
            }
        }
        image.setRGB(x0, y0, rw, rh, out, 0, rw);
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }

    /** 0 at or below 0, 1 at or above 1, smooth between. */
    private static double smooth(double t) {
        if (t <= 0) {
            return 0;
        }
        if (t >= 1) {
            return 1;
        }
        return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double c, double e, double fx, double fy) {
        return (a + (b - a) * fx) * (1 - fy) + (c + (e - c) * fx) * fy;
    }

    /** Whether a grid node's source is the node itself (no move there). */
    private static boolean still(float[] sx, float[] sy, int k, double x, double y) {
        return Math.abs(sx[k] - x) < 1e-3 && Math.abs(sy[k] - y) < 1e-3;
    }
}
