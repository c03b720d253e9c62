package io.headroom.matte;

import io.headroom.face.Face;
import io.headroom.raster.Planes;

/**
 * Real alpha where the person's edge is uncertain: a trimap is drawn around the refined
 * segmentation's edge (wider over the hair, where a coarse mask misses strands), the band is
 * solved by {@link ClosedFormMatting} at a reduced resolution, and the result is brought back to
 * the headshot's resolution by a guided filter on the photo itself, so the edge follows the
 * photo's pixels rather than the working grid. Away from the band the refined matte stays as it
 * was; the inner face is always the person.
 */
public final class EdgeMatting {

    /** The working resolution's long side: the band's detail at a cost that stays a fraction of a headshot's. */
    static final int WORKING_LONG_SIDE = 400;
    /** The band's half-width beside an uncertain edge, as a share of the working width. */
    static final double BAND = 0.012;
    /** Over the hair the band reaches this many times further: strands the coarse mask missed lie there. */
    static final double HAIR_BAND = 2.5;

    /** The share of the frame's height, from the bottom, where matting only adds to the person. */
    static final double BOTTOM_KEPT = 0.15;
    static final float SETTLE_LOW = 0.15f;
    static final float SETTLE_HIGH = 0.9f;

    private final ClosedFormMatting solver = new ClosedFormMatting(1e-5, 0.002, 50);

    /** The matted alpha and where it was solved (1 in the band, feathered), both at full resolution. */
    public record Result(float[] alpha, float[] band) {
    }

    /**
     * @param photo   packed RGB of the headshot, {@code w}×{@code h}
     * @param refined the refined segmentation's alpha, same size
     * @param face    the face in the headshot's pixels, or null: its inner part is always the person
     *                and the hair's wider band starts above its eyes
     */
    public Result refine(int[] photo, float[] refined, int w, int h, Face face) {
        double s = Math.min(1.0, WORKING_LONG_SIDE / (double) Math.max(w, h));
        int lw = Math.max(1, (int) Math.round(w * s));
        int lh = Math.max(1, (int) Math.round(h * s));
        float[][] rgb = downsampled(photo, w, h, lw, lh);
        float[] low = Planes.areaResize(refined, w, h, lw, lh);
        Trimap trimap = trimap(low, lw, lh, face, s);
        int[] box = unknownBox(trimap, 3);
        float[] solved = low.clone();
        for (int i = 0; i < solved.length; i++) {
            byte label = trimap.label(i);
            solved[i] = label == Trimap.FOREGROUND ? 1f : label == Trimap.BACKGROUND ? 0f : low[i];
        }
        if (box != null) {
            int bw = box[2] - box[0];
            int bh = box[3] - box[1];
            float[][] crop = new float[3][];
            for (int c = 0; c < 3; c++) {
                crop[c] = crop(rgb[c], lw, box);
            }
            byte[] labels = new byte[bw * bh];
            for (int y = 0; y < bh; y++) {
                System.arraycopy(trimap.labels(), (box[1] + y) * lw + box[0], labels, y * bw, bw);
            }
            float[] alpha = solver.solve(crop, new Trimap(labels, bw, bh), crop(low, lw, box));
            for (int y = 0; y < bh; y++) {
                System.arraycopy(alpha, y * bw, solved, (box[1] + y) * lw + box[0], bw);
            }
        }
        // Closed-form alpha keeps faint tails of the room beside the edge (a haze on the backdrop):
        // below 0.15 is background, above 0.9 is person, linear in between so hair stays soft.
        for (int i = 0; i < solved.length; i++) {
            solved[i] = Math.max(0f, Math.min(1f, (solved[i] - SETTLE_LOW) / (SETTLE_HIGH - SETTLE_LOW)));
        }
        float[] bandLow = new float[lw * lh];
        for (int i = 0; i < bandLow.length; i++) {
            bandLow[i] = trimap.label(i) == Trimap.UNKNOWN ? 1f : 0f;
        }
        float[] band = Planes.bilinearResize(Planes.boxMean(bandLow, lw, lh, 1), lw, lh, w, h);
        float[] sharp = guidedUpsampling(photo, rgb, solved, lw, lh, w, h);
        float[] out = refined.clone();
        // Near the frame's bottom the person is clothing running out of the frame: matting may add
        // to it there (a strand, a collar) but not take from it (seen: a close selfie's hair and
        // sweater cut from the bottom corner, the backdrop showing under the person).
        int kept = (int) Math.round((1 - BOTTOM_KEPT) * h) * w;
        for (int i = 0; i < out.length; i++) {
            if (band[i] > 0f) {
                float matted = band[i] * sharp[i] + (1 - band[i]) * refined[i];
                out[i] = i >= kept ? Math.max(matted, refined[i]) : matted;
            }
        }
        if (face != null) {
            boolean[] inner = innerFace(face, 1.0, w, h);
            for (int i = 0; i < out.length; i++) {
                if (inner[i]) {
                    out[i] = 1f;
                }
            }
        }
        return new Result(out, band);
    }

    /**
     * The solved alpha brought to full resolution along the photo's own edges: He and Sun's fast
     * guided filter, the local linear fit of alpha to brightness made at the working resolution,
     * its coefficients enlarged and applied to the full-resolution brightness.
     */
    private static float[] guidedUpsampling(int[] photo, float[][] rgb, float[] alpha, int lw, int lh, int w, int h) {
        int n = lw * lh;
        float[] guide = new float[n];
        for (int i = 0; i < n; i++) {
            guide[i] = 0.299f * rgb[0][i] + 0.587f * rgb[1][i] + 0.114f * rgb[2][i];
        }
        int r = 2;
        float[] meanI = Planes.boxMean(guide, lw, lh, r);
        float[] meanP = Planes.boxMean(alpha, lw, lh, r);
        float[] ip = new float[n];
        float[] ii = new float[n];
        for (int i = 0; i < n; i++) {
            ip[i] = guide[i] * alpha[i];
            ii[i] = guide[i] * guide[i];
        }
        float[] corrIp = Planes.boxMean(ip, lw, lh, r);
        float[] corrIi = Planes.boxMean(ii, lw, lh, r);
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            float varI = corrIi[i] - meanI[i] * meanI[i];
            float covIp = corrIp[i] - meanI[i] * meanP[i];
            a[i] = covIp / (varI + 1e-4f);
            b[i] = meanP[i] - a[i] * meanI[i];
        }
        float[] bigA = Planes.bilinearResize(Planes.boxMean(a, lw, lh, r), lw, lh, w, h);
        float[] bigB = Planes.bilinearResize(Planes.boxMean(b, lw, lh, r), lw, lh, w, h);
        float[] out = new float[w * h];
        for (int i = 0; i < out.length; i++) {
            int p = photo[i];
            float luma = (0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF)) / 255f;
            out[i] = Math.max(0f, Math.min(1f, bigA[i] * luma + bigB[i]));
        }
        return out;
    }

    /** Red, green and blue planes (0–1) of the photo at the working resolution, each pixel its footprint's mean. */
    private static float[][] downsampled(int[] photo, int w, int h, int lw, int lh) {
        // Across each row first, the three channels at once, then down the columns.
        float[] rows = new float[3 * lw * h];
        int[] x0 = new int[lw + 1];
        for (int x = 0; x <= lw; x++) {
            x0[x] = (int) ((long) x * w / lw);
        }
        for (int y = 0; y < h; y++) {
            int o = y * w;
            for (int x = 0; x < lw; x++) {
                int from = x0[x];
                int to = Math.max(from + 1, x0[x + 1]);
                int r = 0;
                int g = 0;
                int b = 0;
                for (int k = from; k < to; k++) {
                    int p = photo[o + k];
                    r += (p >> 16) & 0xFF;
                    g += (p >> 8) & 0xFF;
                    b += p & 0xFF;
                }
                float n = 255f * (to - from);
                int t = 3 * (y * lw + x);
                rows[t] = r / n;
                rows[t + 1] = g / n;
                rows[t + 2] = b / n;
            }
        }
        float[][] out = new float[3][lw * lh];
        for (int y = 0; y < lh; y++) {
            int from = (int) ((long) y * h / lh);
            int to = Math.max(from + 1, (int) ((long) (y + 1) * h / lh));
            for (int k = from; k < to; k++) {
                int o = 3 * k * lw;
                for (int x = 0; x < lw; x++) {
                    out[0][y * lw + x] += rows[o + 3 * x];
                    out[1][y * lw + x] += rows[o + 3 * x + 1];
                    out[2][y * lw + x] += rows[o + 3 * x + 2];
                }
            }
            float n = to - from;
            for (int x = 0; x < lw; x++) {
                out[0][y * lw + x] /= n;
                out[1][y * lw + x] /= n;
                out[2][y * lw + x] /= n;
            }
        }
        return out;
    }

    /**
     * Known background below 0.5 and known person above it, except in the band: within
     * {@link #BAND} of any pixel the segmentation is unsure of (0.02 < α < 0.98), further over
     * the hair. The inner face is known person.
     */
    static Trimap trimap(float[] alpha, int w, int h, Face face, double s) {
        int n = w * h;
        float[] unsure = new float[n];
        for (int i = 0; i < n; i++) {
            unsure[i] = alpha[i] > 0.02f && alpha[i] < 0.98f ? 1f : 0f;
        }
        int near = Math.max(2, (int) Math.round(BAND * w));
        float[] band = Planes.boxMean(unsure, w, h, near);
        float[] hair = face == null ? band : Planes.boxMean(unsure, w, h, (int) Math.round(near * HAIR_BAND));
        int hairRows = face == null ? 0 : (int) Math.round(face.eyeCentre().y() * s);
        byte[] labels = new byte[n];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float b = y < hairRows ? hair[i] : band[i];
                labels[i] = b > 1e-6f ? Trimap.UNKNOWN : alpha[i] >= 0.5f ? Trimap.FOREGROUND : Trimap.BACKGROUND;
            }
        }
        if (face != null) {
            boolean[] inner = innerFace(face, s, w, h);
            for (int i = 0; i < n; i++) {
                if (inner[i]) {
                    labels[i] = Trimap.FOREGROUND;
                }
            }
        }
        return new Trimap(labels, w, h);
    }

    /**
     * The inner face, from the keypoints (the detector's box reaches past the cheeks of a close
     * selfie): an ellipse over both eyes, the nose and the mouth, scaled by {@code s}.
     */
    private static boolean[] innerFace(Face face, double s, int w, int h) {
        boolean[] inside = new boolean[w * h];
        double eyes = face.interEyeDistance();
        double cx = (face.eyeCentre().x() + face.mouth().x()) / 2 * s;
        double cy = ((face.eyeCentre().y() + face.mouth().y()) / 2 - 0.05 * eyes) * s;
        double rx = 0.8 * eyes * s;
        double ry = (Math.abs(face.mouth().y() - face.eyeCentre().y()) / 2 + 0.3 * eyes) * s;
        int y0 = Math.max(0, (int) Math.floor(cy - ry));
        int y1 = Math.min(h - 1, (int) Math.ceil(cy + ry));
        int x0 = Math.max(0, (int) Math.floor(cx - rx));
        int x1 = Math.min(w - 1, (int) Math.ceil(cx + rx));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double dx = (x + 0.5 - cx) / rx;
                double dy = (y + 0.5 - cy) / ry;
                inside[y * w + x] = dx * dx + dy * dy <= 1;
            }
        }
        return inside;
    }

    /** {x0, y0, x1, y1} (exclusive) around the unknown pixels with a margin, or null when there are none. */
    private static int[] unknownBox(Trimap t, int margin) {
        int w = t.width();
        int h = t.height();
        int x0 = w;
        int y0 = h;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (t.label(y * w + x) == Trimap.UNKNOWN) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            return null;
        }
        return new int[] {Math.max(0, x0 - margin), Math.max(0, y0 - margin), Math.min(w, x1 + margin + 1), Math.min(h, y1 + margin + 1)};
    }

    private static float[] crop(float[] plane, int w, int[] box) {
        int bw = box[2] - box[0];
        int bh = box[3] - box[1];
        float[] out = new float[bw * bh];
        for (int y = 0; y < bh; y++) {
            System.arraycopy(plane, (box[1] + y) * w + box[0], out, y * bw, bw);
        }
        return out;
    }
}
