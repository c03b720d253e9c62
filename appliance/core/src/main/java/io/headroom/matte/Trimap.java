package io.headroom.matte;

/**
 * Which pixels are surely the person, surely background, or to be solved by matting: the band
 * around the person's edge where the segmentation is uncertain.
 *
 * @param labels one of {@link #BACKGROUND}, {@link #UNKNOWN}, {@link #FOREGROUND} per pixel, row by row
 */
public record Trimap(byte[] labels, int width, int height) {

    public static final byte BACKGROUND = 0;
    public static final byte UNKNOWN = 1;
    public static final byte FOREGROUND = 2;

    public Trimap {
        if (labels.length != width * height) {
            throw new IllegalArgumentException("one label per pixel");
        }
    }

    public byte label(int i) {
        return labels[i];
    }

    /** How many pixels are to be solved. */
    public int unknowns() {
        int n = 0;
        for (byte b : labels) {
            n += b == UNKNOWN ? 1 : 0;
        }
        return n;
    }
}
