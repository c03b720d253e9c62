package io.headroom.matte;

import io.headroom.raster.Planes;

/**
 * What the person is placed in front of, described by parameters so a style can name it:
 * a solid colour, a vertical or radial gradient, a studio-grey seamless with a soft light
 * fall-off, or the original background blurred.
 */
public sealed interface Backdrop {

    /** Renders the backdrop at {@code w}×{@code h}; {@code original} is the photo (used by {@link Blurred}). */
    int[] render(int w, int h, int[] original);

    record Solid(int rgb) implements Backdrop {
        @Override
        public int[] render(int w, int h, int[] original) {
            int[] out = new int[w * h];
            java.util.Arrays.fill(out, rgb & 0xFFFFFF);
            return out;
        }
    }

    record VerticalGradient(int top, int bottom) implements Backdrop {
        @Override
        public int[] render(int w, int h, int[] original) {
            int[] out = new int[w * h];
            for (int y = 0; y < h; y++) {
                int c = Colours.mix(top, bottom, h == 1 ? 0 : (double) y / (h - 1));
                java.util.Arrays.fill(out, y * w, (y + 1) * w, c);
            }
            return out;
        }
    }

    /** From {@code centre} colour at ({@code cx}, {@code cy}) (fractions of the frame) to {@code edge} at the far corner. */
    record RadialGradient(int centre, int edge, double cx, double cy) implements Backdrop {
        @Override
        public int[] render(int w, int h, int[] original) {
            int[] out = new int[w * h];
            double px = cx * w;
            double py = cy * h;
            double far = Math.max(Math.max(Math.hypot(px, py), Math.hypot(w - px, py)), Math.max(Math.hypot(px, h - py), Math.hypot(w - px, h - py)));
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = Colours.mix(centre, edge, Math.hypot(x - px, y - py) / far);
                }
            }
            return out;
        }
    }

    /**
     * A studio-grey paper roll lit from the front: brightest behind the head, falling off softly
     * towards the edges and the floor, as a key light on seamless paper does.
     *
     * @param grey    the paper's tone at its brightest (0–255)
     * @param falloff how much darker the corners get (0–1)
     */
    record StudioSeamless(int grey, double falloff) implements Backdrop {
        @Override
        public int[] render(int w, int h, int[] original) {
            int[] out = new int[w * h];
            double cx = 0.5 * w;
            double cy = 0.38 * h;
            double far = Math.hypot(Math.max(cx, w - cx), Math.max(cy, h - cy));
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double d = Math.hypot(x - cx, y - cy) / far;
                    double light = 1 - falloff * d * d;
                    int v = (int) Math.round(Math.max(0, Math.min(255, grey * light)));
                    out[y * w + x] = (v << 16) | (v << 8) | v;
                }
            }
            return out;
        }
    }

    /** The photo's own background, blurred as by a wide aperture. */
    record Blurred(int radius) implements Backdrop {
        @Override
        public int[] render(int w, int h, int[] original) {
            if (original == null) {
                throw new IllegalArgumentException("a blurred backdrop needs the photo");
            }
            float[][] rgb = {Planes.channel(original, 16), Planes.channel(original, 8), Planes.channel(original, 0)};
            for (int pass = 0; pass < 3; pass++) {
                for (int c = 0; c < 3; c++) {
                    rgb[c] = Planes.boxMean(rgb[c], w, h, radius);
                }
            }
            return Colours.pack(rgb[0], rgb[1], rgb[2]);
        }
    }
}
