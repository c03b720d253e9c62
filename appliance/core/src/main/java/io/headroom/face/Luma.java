package io.headroom.face;

/** Rec. 601 luma of a packed RGB pixel, 0–255. */
final class Luma {

    private Luma() {
    }

    static int of(int rgb) {
        return (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
    }
}
