package io.headroom.framing;

/** A separable box blur on packed RGB, edges clamped. Two passes approximate a Gaussian. */
final class BoxBlur {

    private BoxBlur() {
    }

    static int[] blur(int[] src, int w, int h, int radius) {
        int[] tmp = new int[src.length];
        int[] out = new int[src.length];
        pass(src, tmp, w, h, radius, true);
        pass(tmp, out, w, h, radius, false);
        return out;
    }

    private static void pass(int[] in, int[] out, int w, int h, int r, boolean horizontal) {
        int lines = horizontal ? h : w;
        int len = horizontal ? w : h;
        int window = 2 * r + 1;
        for (int line = 0; line < lines; line++) {
            int sr = 0;
            int sg = 0;
            int sb = 0;
            for (int i = -r; i <= r; i++) {
                int p = in[index(line, clamp(i, len), w, horizontal)];
                sr += (p >> 16) & 0xFF;
                sg += (p >> 8) & 0xFF;
                sb += p & 0xFF;
            }
            for (int i = 0; i < len; i++) {
                out[index(line, i, w, horizontal)] = ((sr / window) << 16) | ((sg / window) << 8) | (sb / window);
                int add = in[index(line, clamp(i + r + 1, len), w, horizontal)];
                int sub = in[index(line, clamp(i - r, len), w, horizontal)];
                sr += ((add >> 16) & 0xFF) - ((sub >> 16) & 0xFF);
                sg += ((add >> 8) & 0xFF) - ((sub >> 8) & 0xFF);
                sb += (add & 0xFF) - (sub & 0xFF);
            }
        }
    }

    private static int index(int line, int i, int w, boolean horizontal) {
        return horizontal ? line * w + i : i * w + line;
    }

    private static int clamp(int i, int len) {
        return i < 0 ? 0 : Math.min(len - 1, i);
    }
}
