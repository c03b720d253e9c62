package io.headroom.matte;

/**
 * Removes islands from a headshot's matte: parts the segmentation took for the person that are
 * not joined to the person (a piece of a wall clock beside the shoulder, a lamp, a door edge), so
 * that nothing of the old room survives on the backdrop as a patch of its own.
 *
 * <p>The matte's regions above {@link #LEVEL} are found (8-connected). Kept: the largest, which in
 * a framed headshot is the person; any other at least a quarter of its size (a person parted by
 * a strap or an arm); and any touching the frame's bottom edge with at least 2 % of the frame
 * (clothing running out of the frame). Every other region is cleared, its soft edge with it.
 */
public final class MatteIslands {

    /** Pixels above this alpha belong to a region; soft edges thus stay with their region. */
    static final float LEVEL = 0.1f;
    static final double KEEP_SHARE_OF_LARGEST = 0.25;
    static final double KEEP_BOTTOM_SHARE_OF_FRAME = 0.02;

    private MatteIslands() {
    }

    /** Clears the islands in place; returns the share of the frame cleared. */
    public static double clear(float[] alpha, int w, int h) {
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        java.util.List<int[]> regions = new java.util.ArrayList<>(); // {size, touchesBottom}
        int next = 0;
        for (int start = 0; start < alpha.length; start++) {
            if (alpha[start] <= LEVEL || label[start] != 0) {
                continue;
            }
            next++;
            int size = 0;
            boolean bottom = false;
            int top = 0;
            stack[top++] = start;
            label[start] = next;
            while (top > 0) {
                int i = stack[--top];
                size++;
                int x = i % w;
                int y = i / w;
                bottom |= y == h - 1;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= w) {
                            continue;
                        }
                        int j = yy * w + xx;
                        if (label[j] == 0 && alpha[j] > LEVEL) {
                            label[j] = next;
                            stack[top++] = j;
                        }
                    }
                }
            }
            regions.add(new int[] {size, bottom ? 1 : 0});
        }
        if (regions.size() <= 1) {
            return 0;
        }
        int largest = regions.stream().mapToInt(r -> r[0]).max().orElse(0);
        boolean[] keep = new boolean[regions.size() + 1];
        for (int k = 0; k < regions.size(); k++) {
            int[] r = regions.get(k);
            keep[k + 1] = r[0] >= KEEP_SHARE_OF_LARGEST * largest || (r[1] == 1 && r[0] >= KEEP_BOTTOM_SHARE_OF_FRAME * w * h);
        }
        long cleared = 0;
        boolean[] gone = new boolean[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            if (label[i] != 0 && !keep[label[i]]) {
                alpha[i] = 0f;
                gone[i] = true;
                cleared++;
            }
        }
        // The faint rim below the level around a cleared island goes with it.
        int rim = 3;
        for (int i = 0; i < alpha.length; i++) {
            if (alpha[i] > 0f && alpha[i] <= LEVEL && near(gone, i % w, i / w, rim, w, h)) {
                alpha[i] = 0f;
            }
        }
        return (double) cleared / alpha.length;
    }

    private static boolean near(boolean[] mask, int x, int y, int r, int w, int h) {
        for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
            for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                if (mask[yy * w + xx]) {
                    return true;
                }
            }
        }
        return false;
    }
}
