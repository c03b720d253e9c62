package io.headroom.intake;

import java.awt.geom.AffineTransform;

/**
 * The eight EXIF orientations as the transform that turns stored pixels upright. The cleaned
 * photo carries the turned pixels and no orientation flag, so every viewer shows it upright.
 */
final class Orientation {

    private Orientation() {
    }

    /** Whether the orientation swaps width and height (5–8: rotated by 90°). */
    static boolean swapsAxes(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** The transform from stored pixels of size {@code w}×{@code h} to upright ones. */
    static AffineTransform transform(int orientation, int w, int h) {
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        return t;
    }
}
