package io.headroom.framing;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fills a region of an image with texture copied from another region, patch by patch, so that
 * what is filled continues what surrounds it: the coarse-to-fine image completion of Wexler,
 * Shechtman and Irani (2007) with PatchMatch (Barnes et al. 2009) finding the patches.
 *
 * <p>At each level of a pyramid, every 7×7 patch that touches the region is matched to the most
 * similar patch lying wholly in the source region (propagation from its neighbours' matches, then
 * a random search around its own), and each filled pixel becomes the weighted vote of the
 * matched patches over it; a few rounds per level, starting from a smooth fill at the coarsest
 * level. The finest level only refines the matches found one level up, which keeps the cost near
 * linear in the region's size. Deterministic: the same input gives the same pixels.
 */
final class PatchSynthesis {

    private static final int R = 3;
    private static final int SIDE = 2 * R + 1;
    /** The coarsest level's smaller side: large enough for patches to hold structure. */
    private static final int COARSEST = 48;

    private PatchSynthesis() {
    }

    /**
     * Fills {@code rgb} where {@code fill} is set, copying from patches whose every pixel has
     * {@code source} set. Pixels outside {@code fill} are not changed.
     *
     * @return false, with nothing changed, when the source holds no whole patch
     */
    static boolean fill(int[] rgb, int w, int h, boolean[] fill, boolean[] source) {
        Level finest = Level.of(rgb, w, h, fill, source);
        if (finest.validCount == 0) {
            return false;
        }
        java.util.List<Level> pyramid = new java.util.ArrayList<>();
        pyramid.add(finest);
        while (Math.min(pyramid.get(pyramid.size() - 1).w, pyramid.get(pyramid.size() - 1).h) / 2 >= COARSEST && pyramid.size() < 5) {
            Level down = pyramid.get(pyramid.size() - 1).down();
            if (down.validCount == 0) {
                break;
            }
            pyramid.add(down);
        }
        SplittableRandom random = new SplittableRandom(0x5EED_F111L ^ ((long) w << 20) ^ h);
        Level coarsest = pyramid.get(pyramid.size() - 1);
        coarsest.diffuse();
        coarsest.randomMatches(random);
        for (int l = pyramid.size() - 1; l >= 0; l--) {
            Level level = pyramid.get(l);
            if (l < pyramid.size() - 1) {
                level.upsampleFrom(pyramid.get(l + 1), random);
            }
            boolean finestOfMany = l == 0 && pyramid.size() > 1;
            int rounds = finestOfMany ? 1 : l == pyramid.size() - 1 ? 6 : 3;
            for (int round = 0; round < rounds; round++) {
                level.match(random, round, finestOfMany ? 4 : Math.max(level.w, level.h));
                if (!finestOfMany) {
                    level.match(random, round + 1, Math.max(level.w, level.h));
                }
                level.vote();
            }
        }
        finest.settle();
        for (int i = 0; i < rgb.length; i++) {
            if (fill[i]) {
                rgb[i] = (clamp(finest.r[i]) << 16) | (clamp(finest.g[i]) << 8) | clamp(finest.b[i]);
            }
        }
        return true;
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    /** One level of the pyramid: colours, the region to fill, where whole source patches are, matches. */
    private static final class Level {
        final int w;
        final int h;
        final float[] r;
        final float[] g;
        final float[] b;
        final boolean[] fill;
        final boolean[] source;
        /** Patch centres whose patch lies wholly in the source. */
        final boolean[] valid;
        final int[] validList;
        final int validCount;
        /** Patch centres whose patch touches the region to fill. */
        final int[] targets;
        final boolean[] isTarget;
        final int[] match;
        final float[] cost;

        private Level(int w, int h, float[] r, float[] g, float[] b, boolean[] fill, boolean[] source) {
            this.w = w;
            this.h = h;
            this.r = r;
            this.g = g;
            this.b = b;
            this.fill = fill;
            this.source = source;
            int[] notSource = integral(source, w, h, true);
            int[] filled = integral(fill, w, h, false);
            this.valid = new boolean[w * h];
            int count = 0;
            int targetCount = 0;
            for (int y = R; y < h - R; y++) {
                for (int x = R; x < w - R; x++) {
                    if (boxSum(notSource, w, x, y) == 0) {
                        valid[y * w + x] = true;
                        count++;
                    }
                    if (boxSum(filled, w, x, y) > 0) {
                        targetCount++;
                    }
                }
            }
            this.validCount = count;
            this.validList = new int[count];
            this.targets = new int[targetCount];
            this.isTarget = new boolean[w * h];
            int v = 0;
            int t = 0;
            for (int y = R; y < h - R; y++) {
                for (int x = R; x < w - R; x++) {
                    if (valid[y * w + x]) {
                        validList[v++] = y * w + x;
                    }
                    if (boxSum(filled, w, x, y) > 0) {
                        targets[t++] = y * w + x;
                        isTarget[y * w + x] = true;
                    }
                }
            }
            this.match = new int[w * h];
            this.cost = new float[w * h];
        }

        static Level of(int[] rgb, int w, int h, boolean[] fill, boolean[] source) {
            float[] r = new float[w * h];
            float[] g = new float[w * h];
            float[] b = new float[w * h];
            boolean[] src = new boolean[w * h];
            for (int i = 0; i < rgb.length; i++) {
                r[i] = (rgb[i] >> 16) & 0xFF;
                g[i] = (rgb[i] >> 8) & 0xFF;
                b[i] = rgb[i] & 0xFF;
                src[i] = source[i] && !fill[i];
            }
            return new Level(w, h, r, g, b, fill.clone(), src);
        }

        /** Half the size: a pixel is filled if any of its four is, source if all four are. */
        Level down() {
            int dw = (w + 1) / 2;
            int dh = (h + 1) / 2;
            float[] dr = new float[dw * dh];
            float[] dg = new float[dw * dh];
            float[] db = new float[dw * dh];
            boolean[] df = new boolean[dw * dh];
            boolean[] ds = new boolean[dw * dh];
            for (int y = 0; y < dh; y++) {
                for (int x = 0; x < dw; x++) {
                    int known = 0;
                    boolean anyFill = false;
                    boolean allSource = true;
                    float sr = 0;
                    float sg = 0;
                    float sb = 0;
                    for (int k = 0; k < 4; k++) {
                        int sx = Math.min(w - 1, 2 * x + (k & 1));
                        int sy = Math.min(h - 1, 2 * y + (k >> 1));
                        int i = sy * w + sx;
                        allSource &= source[i];
                        if (fill[i]) {
                            anyFill = true;
                        } else {
                            known++;
                            sr += r[i];
                            sg += g[i];
                            sb += b[i];
                        }
                    }
                    int o = y * dw + x;
                    df[o] = anyFill;
                    ds[o] = allSource && !anyFill;
                    if (known > 0) {
                        dr[o] = sr / known;
                        dg[o] = sg / known;
                        db[o] = sb / known;
                    }
                }
            }
            return new Level(dw, dh, dr, dg, db, df, ds);
        }

        /** A smooth first fill: ring by ring inwards, each pixel the mean of its known neighbours. */
        void diffuse() {
            boolean[] known = new boolean[w * h];
            int left = 0;
            for (int i = 0; i < known.length; i++) {
                known[i] = !fill[i];
                left += fill[i] ? 1 : 0;
            }
            int[] ring = new int[w * h];
            while (left > 0) {
                int n = 0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int i = y * w + x;
                        if (known[i]) {
                            continue;
                        }
                        float sr = 0;
                        float sg = 0;
                        float sb = 0;
                        int c = 0;
                        for (int k = 0; k < 4; k++) {
                            int nx = x + (k == 0 ? -1 : k == 1 ? 1 : 0);
                            int ny = y + (k == 2 ? -1 : k == 3 ? 1 : 0);
                            if (nx >= 0 && ny >= 0 && nx < w && ny < h && known[ny * w + nx]) {
                                int j = ny * w + nx;
                                sr += r[j];
                                sg += g[j];
                                sb += b[j];
                                c++;
                            }
                        }
                        if (c > 0) {
                            r[i] = sr / c;
                            g[i] = sg / c;
                            b[i] = sb / c;
                            ring[n++] = i;
                        }
                    }
                }
                if (n == 0) {
                    break; // an enclosed region with nothing known around it keeps its zeros
                }
                for (int k = 0; k < n; k++) {
                    known[ring[k]] = true;
                }
                left -= n;
            }
        }

        void randomMatches(SplittableRandom random) {
            for (int p : targets) {
                match[p] = validList[random.nextInt(validCount)];
                cost[p] = distance(p, match[p], Float.MAX_VALUE);
            }
        }

        /** The matches one level up, doubled; the filled colours from its, upsampled. */
        void upsampleFrom(Level coarse, SplittableRandom random) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    if (fill[i]) {
                        int c = Math.min(coarse.h - 1, y / 2) * coarse.w + Math.min(coarse.w - 1, x / 2);
                        r[i] = coarse.r[c];
                        g[i] = coarse.g[c];
                        b[i] = coarse.b[c];
                    }
                }
            }
            for (int p : targets) {
                int px = p % w;
                int py = p / w;
                int c = Math.min(coarse.h - 1, py / 2) * coarse.w + Math.min(coarse.w - 1, px / 2);
                int q = -1;
                if (coarse.valid[coarse.match[c]]) {
                    int qx = 2 * (coarse.match[c] % coarse.w) + (px & 1);
                    int qy = 2 * (coarse.match[c] / coarse.w) + (py & 1);
                    if (qx < w && qy < h && valid[qy * w + qx]) {
                        q = qy * w + qx;
                    }
                }
                match[p] = q >= 0 ? q : validList[random.nextInt(validCount)];
            }
            vote();
            for (int p : targets) {
                cost[p] = distance(p, match[p], Float.MAX_VALUE);
            }
        }

        /** One PatchMatch pass: propagation from the previous neighbours' matches, then random search. */
        void match(SplittableRandom random, int pass, int searchRadius) {
            boolean forward = pass % 2 == 0;
            int step = forward ? 1 : -1;
            for (int k = 0; k < targets.length; k++) {
                int p = targets[forward ? k : targets.length - 1 - k];
                int px = p % w;
                int py = p / w;
                int left = p - step;
                if (px - step >= R && px - step < w - R && isTarget(left)) {
                    tryMatch(p, match[left] + step);
                }
                int up = p - step * w;
                if (py - step >= R && py - step < h - R && isTarget(up)) {
                    tryMatch(p, match[up] + step * w);
                }
                for (int radius = searchRadius; radius >= 1; radius /= 2) {
                    int qx = match[p] % w + random.nextInt(-radius, radius + 1);
                    int qy = match[p] / w + random.nextInt(-radius, radius + 1);
                    if (qx >= R && qy >= R && qx < w - R && qy < h - R) {
                        tryMatch(p, qy * w + qx);
                    }
                }
            }
        }

        private boolean isTarget(int i) {
            return isTarget[i];
        }

        private void tryMatch(int p, int q) {
            if (q < 0 || q >= valid.length || !valid[q] || q == match[p]) {
                return;
            }
            float d = distance(p, q, cost[p]);
            if (d < cost[p]) {
                cost[p] = d;
                match[p] = q;
            }
        }

        /** Sum of squared colour differences between the patches at p and q; stops above {@code limit}. */
        float distance(int p, int q, float limit) {
            float sum = 0;
            for (int dy = -R; dy <= R; dy++) {
                int pi = p + dy * w - R;
                int qi = q + dy * w - R;
                for (int dx = 0; dx < SIDE; dx++, pi++, qi++) {
                    float dr = r[pi] - r[qi];
                    float dg = g[pi] - g[qi];
                    float db = b[pi] - b[qi];
                    sum += dr * dr + dg * dg + db * db;
                }
                if (sum >= limit) {
                    return sum;
                }
            }
            return sum;
        }

        /** Each filled pixel: the vote of the matched patches over it, the closer matches weighing more. */
        void vote() {
            float[] costs = new float[targets.length];
            for (int k = 0; k < targets.length; k++) {
                costs[k] = cost[targets[k]];
            }
            Arrays.sort(costs);
            float scale = Math.max(1f, costs.length == 0 ? 1f : costs[(int) (costs.length * 0.75)]);
            float[] sr = new float[w * h];
            float[] sg = new float[w * h];
            float[] sb = new float[w * h];
            float[] sw = new float[w * h];
            for (int p : targets) {
                float weight = (float) Math.exp(-cost[p] / (2 * scale));
                int q = match[p];
                for (int dy = -R; dy <= R; dy++) {
                    for (int dx = -R; dx <= R; dx++) {
                        int i = p + dy * w + dx;
                        if (fill[i]) {
                            int j = q + dy * w + dx;
                            sr[i] += weight * r[j];
                            sg[i] += weight * g[j];
                            sb[i] += weight * b[j];
                            sw[i] += weight;
                        }
                    }
                }
            }
            for (int i = 0; i < fill.length; i++) {
                if (fill[i] && sw[i] > 0) {
                    r[i] = sr[i] / sw[i];
                    g[i] = sg[i] / sw[i];
                    b[i] = sb[i] / sw[i];
                }
            }
        }

        /**
         * The last step: each filled pixel takes the pixel of the one best-matching patch over it
         * rather than the average of all, which would blur the texture it continues.
         */
        void settle() {
            float[] best = new float[w * h];
            Arrays.fill(best, Float.MAX_VALUE);
            int[] from = new int[w * h];
            Arrays.fill(from, -1);
            for (int p : targets) {
                // Per pixel of the patch: the patch's cost, a little more the farther the pixel from its centre.
                for (int dy = -R; dy <= R; dy++) {
                    for (int dx = -R; dx <= R; dx++) {
                        int i = p + dy * w + dx;
                        float c = cost[p] * (1 + 0.05f * (dx * dx + dy * dy));
                        if (fill[i] && c < best[i]) {
                            best[i] = c;
                            from[i] = match[p] + dy * w + dx;
                        }
                    }
                }
            }
            float[] nr = r.clone();
            float[] ng = g.clone();
            float[] nb = b.clone();
            for (int i = 0; i < fill.length; i++) {
                if (fill[i] && from[i] >= 0) {
                    nr[i] = r[from[i]];
                    ng[i] = g[from[i]];
                    nb[i] = b[from[i]];
                }
            }
            System.arraycopy(nr, 0, r, 0, r.length);
            System.arraycopy(ng, 0, g, 0, g.length);
            System.arraycopy(nb, 0, b, 0, b.length);
        }

        private static int[] integral(boolean[] mask, int w, int h, boolean negate) {
            int[] s = new int[(w + 1) * (h + 1)];
            for (int y = 0; y < h; y++) {
                int row = 0;
                for (int x = 0; x < w; x++) {
                    row += mask[y * w + x] != negate ? 1 : 0;
                    s[(y + 1) * (w + 1) + x + 1] = s[y * (w + 1) + x + 1] + row;
                }
            }
            return s;
        }

        private static int boxSum(int[] s, int w, int x, int y) {
            int sw = w + 1;
            int x0 = x - R;
            int y0 = y - R;
            int x1 = x + R + 1;
            int y1 = y + R + 1;
            return s[y1 * sw + x1] - s[y0 * sw + x1] - s[y1 * sw + x0] + s[y0 * sw + x0];
        }
    }
}
