package io.headroom.matte;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A contact sheet to judge a matte by eye: the person on flat green with the refined matte alone,
 * the same with edge matting, and the photo with the solved band tinted and the matte's edge
 * (α = 0.5) drawn, yellow with edge matting, cyan without. Half size.
 */
public final class DebugOverlay {

    private static final int GREEN = 0x3C9A3C;

    private DebugOverlay() {
    }

    public static BufferedImage sheet(int[] px, PersonMatte.Layers layers, int w, int h) {
        BufferedImage full = new BufferedImage(3 * w, h, BufferedImage.TYPE_INT_RGB);
        int[] before = ForegroundEstimation.foreground(px, layers.refined(), w, h);
        int[] after = ForegroundEstimation.foreground(px, layers.alpha(), w, h);
        int[] a = new int[w * h];
        int[] b = new int[w * h];
        int[] c = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            a[i] = Colours.mix(GREEN, before[i], layers.refined()[i]);
            b[i] = Colours.mix(GREEN, after[i], layers.alpha()[i]);
            c[i] = Colours.mix(px[i], 0xFF00FF, 0.3 * layers.band()[i]);
        }
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                if (crosses(layers.refined(), i, w)) {
                    c[i] = 0x00E0FF;
                }
                if (crosses(layers.alpha(), i, w)) {
                    c[i] = 0xFFEE00;
                }
            }
        }
        full.setRGB(0, 0, w, h, a, 0, w);
        full.setRGB(w, 0, w, h, b, 0, w);
        full.setRGB(2 * w, 0, w, h, c, 0, w);
        BufferedImage half = new BufferedImage(3 * w / 2, h / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = half.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(full, 0, 0, half.getWidth(), half.getHeight(), null);
        g.dispose();
        return half;
    }

    private static boolean crosses(float[] alpha, int i, int w) {
        boolean in = alpha[i] >= 0.5f;
        return in != (alpha[i + 1] >= 0.5f) || in != (alpha[i + w] >= 0.5f);
    }
}
