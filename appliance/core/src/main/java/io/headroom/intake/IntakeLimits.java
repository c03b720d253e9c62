package io.headroom.intake;

/**
 * What one upload may be, checked before any pixel is decoded.
 *
 * @param maxBytes           bytes per file (default 25 MB)
 * @param maxPixels          width × height as the header declares it (default 40 MP)
 * @param maxPhotosPerSession photos a session may hold (default 20)
 */
public record IntakeLimits(long maxBytes, long maxPixels, int maxPhotosPerSession) {

    public static final IntakeLimits DEFAULT = new IntakeLimits(25_000_000L, 40_000_000L, 20);

    public IntakeLimits {
        if (maxBytes < 1 || maxPixels < 1 || maxPhotosPerSession < 1) {
            throw new IllegalArgumentException("intake limits must be positive");
        }
    }
}
