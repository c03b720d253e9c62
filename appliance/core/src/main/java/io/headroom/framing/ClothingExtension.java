package io.headroom.framing;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Continues the person's clothing and shoulders past the photo's edge, for a frame that
 * {@link Framer#extendable} chose because no composition lies inside the photo.
 *
 * <p>Where the person is: each pixel past the photo takes the person's matte a little inside the
 * photo at its nearest point, so the silhouette runs on straight out of the frame. What the
 * pixels are: texture synthesis ({@link PatchSynthesis}) from the person's own clothing in the
 * photo, below the chin. Only pixels below the neck's start and past the photo are made: the
 * head, hair and face lie wholly inside the photo by {@link Framer#extendable}'s choice and are
 * never synthesised. The person's matte where the clothing was made is returned with the frame
 * ({@link Framed#extension()}), so the cut-out keeps it; past the photo away from the person, the
 * backdrop shows as before.
 */
public final class ClothingExtension {

    /** The least share of the frame the person's clothing in the photo must cover to be copied from. */
    static final double MIN_SOURCE = 0.015;

    /**
     * @param framed framed with the composition {@link Framer#extendable} chose
     * @param person the person's matte over {@code framed.image()}, 0–1 per pixel
     * @return the frame with the person continued where it was past the photo, changed in place
     *         and returned with its extension; the same frame when no pixel of the person lies
     *         past the photo; empty, with the image unchanged, when the photo shows too little of
     *         the person's clothing to continue it
     */
    public Optional<Framed> extend(Framed framed, float[] person) {
        byte[] beyond = framed.beyond();
        if (beyond == null) {
            return Optional.of(framed);
        }
        BufferedImage image = framed.image();
        int w = image.getWidth();
        int h = image.getHeight();
        double f = framed.composition().faceWidth() * w;
        double eyeY = framed.composition().eyeLine() * h;
        int neckY = (int) Math.ceil(eyeY + 0.5 * f);
        // Below the chin (see Framer.extendable): the neck and clothing to copy from.
        int chinY = (int) Math.ceil(eyeY + 0.8 * f);
        float[] coverage = framed.coverage();

        int[] nearest = nearestInside(beyond, w, h);
        int inset = Math.max(3, h / 60);
        float[] extension = new float[w * h];
        boolean[] fill = new boolean[w * h];
        int sides = 0;
        for (int y = Math.max(0, neckY); y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (beyond[i] == 0) {
                    continue;
                }
                int n = nearest[i];
                if (n < 0) {
                    continue;
                }
                float a = person[insetFrom(n, x, y, inset, w, h, beyond)];
                if (a > 0.02f) {
                    extension[i] = a;
                    if (a > 0.5f) {
                        sides |= beyond[i];
                    }
                }
            }
        }
        if (sides == 0) {
            return Optional.of(framed);
        }
        // Along the photo's edge the coverage fades over a few pixels: the person there is the photo's own.
        for (int i = 0; i < extension.length; i++) {
            if (beyond[i] == 0 && coverage[i] < 1f && i / w >= neckY) {
                extension[i] = (1 - coverage[i]) * person[i];
            }
        }
        // Synthesise a little beyond the person's edge too, so a soft edge has clothing under it.
        int margin = Math.max(2, w / 200);
        for (int y = Math.max(0, neckY); y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (beyond[i] != 0 && near(extension, x, y, margin, w, h)) {
                    fill[i] = true;
                }
            }
        }
        boolean[] source = new boolean[w * h];
        int sourceCount = 0;
        for (int y = Math.max(0, chinY); y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (beyond[i] == 0 && coverage[i] > 0.5f && person[i] > 0.9f) {
                    source[i] = true;
                    sourceCount++;
                }
            }
        }
        if (sourceCount < MIN_SOURCE * w * h) {
            return Optional.empty();
        }
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        if (!PatchSynthesis.fill(rgb, w, h, fill, source)) {
            return Optional.empty();
        }
        image.setRGB(0, 0, w, h, rgb, 0, w);
        return Optional.of(new Framed(framed.aspect(), image, framed.face(), framed.composition(), framed.padded(), coverage, beyond,
                sideNames(sides), extension));
    }

    private static List<String> sideNames(int sides) {
        List<String> out = new ArrayList<>();
        if ((sides & Framed.TOP) != 0) {
            out.add("top");
        }
        if ((sides & Framed.BOTTOM) != 0) {
            out.add("bottom");
        }
        if ((sides & Framed.LEFT) != 0) {
            out.add("left");
        }
        if ((sides & Framed.RIGHT) != 0) {
            out.add("right");
        }
        return out;
    }

    private static boolean near(float[] extension, int x, int y, int margin, int w, int h) {
        for (int dy = -margin; dy <= margin; dy++) {
            int yy = y + dy;
            if (yy < 0 || yy >= h) {
                continue;
            }
            for (int dx = -margin; dx <= margin; dx++) {
                int xx = x + dx;
                if (xx >= 0 && xx < w && extension[yy * w + xx] > 0.02f) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The pixel {@code inset} pixels inside the photo from its point {@code n} nearest to (x, y),
     * along the line from (x, y) through it: past the fading edge, where the matte is the photo's.
     */
    private static int insetFrom(int n, int x, int y, int inset, int w, int h, byte[] beyond) {
        int nx = n % w;
        int ny = n / w;
        double dx = nx - x;
        double dy = ny - y;
        double len = Math.hypot(dx, dy);
        if (len < 1e-9) {
            return n;
        }
        int sx = (int) Math.round(nx + dx / len * inset);
        int sy = (int) Math.round(ny + dy / len * inset);
        if (sx < 0 || sy < 0 || sx >= w || sy >= h || beyond[sy * w + sx] != 0) {
            return n;
        }
        return sy * w + sx;
    }

    /**
     * For every pixel, the index of the nearest pixel inside the photo (-1 where none is found):
     * two raster passes carrying each neighbour's nearest point (Danielsson's vector propagation;
     * near-exact, enough for a silhouette continued straight).
     */
    private static final int[][] FORWARD = {{-1, 0}, {-1, -1}, {0, -1}, {1, -1}};
    private static final int[][] BACKWARD = {{1, 0}, {1, 1}, {0, 1}, {-1, 1}};
    private static final int[][] RIGHTWARD = {{1, 0}};
    private static final int[][] LEFTWARD = {{-1, 0}};

    static int[] nearestInside(byte[] beyond, int w, int h) {
        int[] near = new int[w * h];
        for (int i = 0; i < near.length; i++) {
            near[i] = beyond[i] == 0 ? i : -1;
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    relax(near, x, y, FORWARD, w, h);
                }
                for (int x = w - 1; x >= 0; x--) {
                    relax(near, x, y, RIGHTWARD, w, h);
                }
            }
            for (int y = h - 1; y >= 0; y--) {
                for (int x = w - 1; x >= 0; x--) {
                    relax(near, x, y, BACKWARD, w, h);
                }
                for (int x = 0; x < w; x++) {
                    relax(near, x, y, LEFTWARD, w, h);
                }
            }
        }
        return near;
    }

    private static void relax(int[] near, int x, int y, int[][] offsets, int w, int h) {
        int i = y * w + x;
        if (near[i] == i) {
            return;
        }
        long best = near[i] < 0 ? Long.MAX_VALUE : dist2(near[i], x, y, w);
        for (int[] o : offsets) {
            int xx = x + o[0];
            int yy = y + o[1];
            if (xx < 0 || yy < 0 || xx >= w || yy >= h) {
                continue;
            }
            int c = near[yy * w + xx];
            if (c >= 0) {
                long d = dist2(c, x, y, w);
                if (d < best) {
                    best = d;
                    near[i] = c;
                }
            }
        }
    }

    private static long dist2(int c, int x, int y, int w) {
        long dx = c % w - x;
        long dy = c / w - y;
        return dx * dx + dy * dy;
    }
}
