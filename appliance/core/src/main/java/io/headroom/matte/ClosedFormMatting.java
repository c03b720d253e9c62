package io.headroom.matte;

/**
 * Alpha in a trimap's unknown band by closed-form matting (Levin, Lischinski and Weiss, TPAMI
 * 2008): within every small window alpha is taken to be an affine function of the colour, which
 * gives a sparse quadratic cost, the matting Laplacian L; the known pixels are fixed and the
 * unknown ones solve (L_UU + γI) α_U = −L_UK α_K + γ α₀ by conjugate gradients. The weak pull γ
 * towards the segmentation's own alpha α₀ settles what the colours cannot tell (a flat region
 * with no edge in it) and keeps the system well posed.
 *
 * <p>Only the rows of L for unknown pixels are built, 25 taps each (the pixels sharing a 3×3
 * window); windows lie wholly inside the image, so L stays symmetric and conjugate gradients
 * (Jacobi-preconditioned) apply. Cost grows with the band, not the image.
 */
public final class ClosedFormMatting {

    private final float epsilon;
    private final float pull;
    private final int iterations;

    /**
     * @param epsilon    regularisation of each window's colour covariance (colours in 0–1)
     * @param pull       γ, relative to a window's pixel count: how strongly the unknown band keeps
     *                   the initial alpha where colours say nothing
     * @param iterations conjugate-gradient iterations at most
     */
    public ClosedFormMatting(double epsilon, double pull, int iterations) {
        if (epsilon <= 0 || pull < 0 || iterations < 1) {
            throw new IllegalArgumentException("epsilon > 0, pull ≥ 0, iterations ≥ 1");
        }
        this.epsilon = (float) epsilon;
        this.pull = (float) pull;
        this.iterations = iterations;
    }

    /**
     * @param rgb     the image's red, green and blue planes, 0–1, each {@code w}×{@code h}
     * @param trimap  which pixels are known person, known background, or to be solved
     * @param initial alpha to start from and to pull towards in the unknown band (α₀)
     * @return alpha, 0–1: 1 on known person, 0 on known background, solved in between
     */
    public float[] solve(float[][] rgb, Trimap trimap, float[] initial) {
        int w = trimap.width();
        int h = trimap.height();
        int n = w * h;
        float[] x = new float[n];
        int[] index = new int[n];
        int unknowns = 0;
        for (int i = 0; i < n; i++) {
            byte label = trimap.label(i);
            index[i] = label == Trimap.UNKNOWN ? unknowns++ : -1;
            x[i] = label == Trimap.FOREGROUND ? 1f : label == Trimap.BACKGROUND ? 0f : clamp(initial[i]);
        }
        if (unknowns == 0) {
            return x;
        }
        BandSystem system = build(rgb, trimap, x, index, unknowns, w, h);
        float gamma = pull * WINDOW;
        float[] b = new float[unknowns + 1];
        float[] xu = new float[unknowns + 1];
        float[] diagonal = new float[unknowns + 1];
        for (int i = 0; i < n; i++) {
            int u = index[i];
            if (u >= 0) {
                b[u] = system.rhs[u] + gamma * clamp(initial[i]);
                xu[u] = x[i];
                diagonal[u] = system.matrix[u * TAPS + CENTRE] + gamma;
            }
        }
        float[] r = new float[unknowns + 1];
        float[] z = new float[unknowns + 1];
        float[] p = new float[unknowns + 1];
        float[] ap = new float[unknowns + 1];
        system.multiply(xu, gamma, ap);
        double rz = 0;
        double bNorm = 0;
        for (int u = 0; u < unknowns; u++) {
            r[u] = b[u] - ap[u];
            z[u] = r[u] / diagonal[u];
            p[u] = z[u];
            rz += (double) r[u] * z[u];
            bNorm += (double) b[u] * b[u];
        }
        double stop = 1e-10 * Math.max(bNorm, 1e-12);
        for (int k = 0; k < iterations; k++) {
            system.multiply(p, gamma, ap);
            double pap = 0;
            for (int u = 0; u < unknowns; u++) {
                pap += (double) p[u] * ap[u];
            }
            if (pap <= 0) {
                break;
            }
            float step = (float) (rz / pap);
            double rr = 0;
            double rzNext = 0;
            for (int u = 0; u < unknowns; u++) {
                xu[u] += step * p[u];
                r[u] -= step * ap[u];
                z[u] = r[u] / diagonal[u];
                rr += (double) r[u] * r[u];
                rzNext += (double) r[u] * z[u];
            }
            if (rr < stop) {
                break;
            }
            float beta = (float) (rzNext / rz);
            rz = rzNext;
            for (int u = 0; u < unknowns; u++) {
                p[u] = z[u] + beta * p[u];
            }
        }
        for (int i = 0; i < n; i++) {
            if (index[i] >= 0) {
                x[i] = clamp(xu[index[i]]);
            }
        }
        return x;
    }

    private static final int WINDOW = 9;
    /** A pixel is coupled to the 5×5 pixels sharing a 3×3 window with it. */
    private static final int TAPS = 25;
    private static final int CENTRE = 12;
    /** The tap of window pixel q in the row of window pixel p (both numbered row by row, 0–8). */
    private static final int[][] TAP = new int[WINDOW][WINDOW];

    static {
        for (int p = 0; p < WINDOW; p++) {
            for (int q = 0; q < WINDOW; q++) {
                TAP[p][q] = (q / 3 - p / 3 + 2) * 5 + (q % 3 - p % 3 + 2);
            }
        }
    }

    /** L_UU as 25 taps per unknown pixel, and −L_UK α_K. */
    private record BandSystem(float[] matrix, int[] neighbour, float[] rhs) {
        /** {@code v} and {@code out} have one slot more than there are unknowns, always 0: missing neighbours point there. */
        void multiply(float[] v, float gamma, float[] out) {
            int unknowns = rhs.length;
            for (int u = 0; u < unknowns; u++) {
                int o = u * TAPS;
                float sum = gamma * v[u];
                for (int t = 0; t < TAPS; t++) {
                    sum += matrix[o + t] * v[neighbour[o + t]];
                }
                out[u] = sum;
            }
        }
    }

    /**
     * Levin's Laplacian over the 3×3 windows that hold an unknown pixel: per window, with colour
     * mean μ and covariance Σ, L_ij += δ_ij − (1 + (I_i − μ)ᵀ(Σ + ε/9·Id)⁻¹(I_j − μ)) / 9.
     */
    private BandSystem build(float[][] rgb, Trimap trimap, float[] known, int[] index, int unknowns, int w, int h) {
        float[] matrix = new float[unknowns * TAPS];
        int[] neighbour = new int[unknowns * TAPS];
        // Missing neighbours (known pixels, outside the image) point at the vectors' spare zero slot.
        java.util.Arrays.fill(neighbour, unknowns);
        float[] rhs = new float[unknowns];
        for (int i = 0; i < index.length; i++) {
            int u = index[i];
            if (u < 0) {
                continue;
            }
            int x = i % w;
            int y = i / w;
            for (int dy = -2; dy <= 2; dy++) {
                for (int dx = -2; dx <= 2; dx++) {
                    int xx = x + dx;
                    int yy = y + dy;
                    if (xx >= 0 && yy >= 0 && xx < w && yy < h && index[yy * w + xx] >= 0) {
                        neighbour[u * TAPS + (dy + 2) * 5 + dx + 2] = index[yy * w + xx];
                    }
                }
            }
        }
        int[] px = new int[WINDOW];
        float[][] d = new float[WINDOW][3];
        for (int cy = 1; cy < h - 1; cy++) {
            for (int cx = 1; cx < w - 1; cx++) {
                boolean any = false;
                int k = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int i = (cy + dy) * w + cx + dx;
                        px[k++] = i;
                        any |= index[i] >= 0;
                    }
                }
                if (!any) {
                    continue;
                }
                double mr = 0;
                double mg = 0;
                double mb = 0;
                for (int i : px) {
                    mr += rgb[0][i];
                    mg += rgb[1][i];
                    mb += rgb[2][i];
                }
                mr /= WINDOW;
                mg /= WINDOW;
                mb /= WINDOW;
                double srr = 0;
                double srg = 0;
                double srb = 0;
                double sgg = 0;
                double sgb = 0;
                double sbb = 0;
                for (int q = 0; q < WINDOW; q++) {
                    int i = px[q];
                    float r = (float) (rgb[0][i] - mr);
                    float g = (float) (rgb[1][i] - mg);
                    float b = (float) (rgb[2][i] - mb);
                    d[q][0] = r;
                    d[q][1] = g;
                    d[q][2] = b;
                    srr += r * r;
                    srg += r * g;
                    srb += r * b;
                    sgg += g * g;
                    sgb += g * b;
                    sbb += b * b;
                }
                double e = epsilon / WINDOW;
                double a = srr / WINDOW + e;
                double b = srg / WINDOW;
                double c = srb / WINDOW;
                double dd = sgg / WINDOW + e;
                double f = sgb / WINDOW;
                double g = sbb / WINDOW + e;
                double c00 = dd * g - f * f;
                double c01 = c * f - b * g;
                double c02 = b * f - c * dd;
                double det = a * c00 + b * c01 + c * c02;
                float i00 = (float) (c00 / det);
                float i01 = (float) (c01 / det);
                float i02 = (float) (c02 / det);
                float i11 = (float) ((a * g - c * c) / det);
                float i12 = (float) ((b * c - a * f) / det);
                float i22 = (float) ((a * dd - b * b) / det);
                for (int p = 0; p < WINDOW; p++) {
                    int u = index[px[p]];
                    if (u < 0) {
                        continue;
                    }
                    // (Σ + ε)⁻¹ (I_p − μ), then its product with each (I_q − μ).
                    float vr = i00 * d[p][0] + i01 * d[p][1] + i02 * d[p][2];
                    float vg = i01 * d[p][0] + i11 * d[p][1] + i12 * d[p][2];
                    float vb = i02 * d[p][0] + i12 * d[p][1] + i22 * d[p][2];
                    for (int q = 0; q < WINDOW; q++) {
                        float value = (p == q ? 1f : 0f) - (1f + vr * d[q][0] + vg * d[q][1] + vb * d[q][2]) / WINDOW;
                        int j = px[q];
                        if (index[j] >= 0) {
                            matrix[u * TAPS + TAP[p][q]] += value;
                        } else {
                            rhs[u] -= value * known[j];
                        }
                    }
                }
            }
        }
        return new BandSystem(matrix, neighbour, rhs);
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }
}
