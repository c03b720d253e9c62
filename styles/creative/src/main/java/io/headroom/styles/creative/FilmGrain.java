package io.headroom.styles.creative;

import io.headroom.plugin.api.style.CompositingHook;
import io.headroom.plugin.api.style.StyleFrame;

/**
 * Fine monochrome grain, strongest in the mid-tones as on negative film. The noise is a hash of
 * the pixel's position, so the same frame always gets the same grain (no random state to share
 * between worker threads).
 */
final class FilmGrain implements CompositingHook {

    private final int amplitude;

    /** @param amplitude the largest change of a mid-grey channel, in 0–255 levels */
    FilmGrain(int amplitude) {
        this.amplitude = amplitude;
    }

    @Override
    public void apply(StyleFrame frame) {
        int[] px = frame.argb();
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            double y = (r * 0.2126 + g * 0.7152 + b * 0.0722) / 255.0;
            double weight = 4 * y * (1 - y); // 1 at mid grey, 0 at black and white
            int n = (int) Math.round(noise(i) * amplitude * weight);
            px[i] = (p & 0xFF000000) | clamp(r + n) << 16 | clamp(g + n) << 8 | clamp(b + n);
        }
    }

    /** A value in [-1, 1) from the pixel index (a 32-bit integer hash). */
    static double noise(int i) {
        int h = i * 0x9E3779B1;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h / 2147483648.0;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
