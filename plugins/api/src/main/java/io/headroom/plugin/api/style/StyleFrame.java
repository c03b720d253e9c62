package io.headroom.plugin.api.style;

/**
 * A headshot being made, as a {@link CompositingHook} sees it.
 *
 * @param width     pixels per row
 * @param height    rows
 * @param argb      the pixels, {@code 0xAARRGGBB}, row by row; the hook changes them in place
 * @param person    how much each pixel belongs to the person, 0–1, in the same order (read only)
 * @param eyeLine   the row of the eyes
 * @param faceWidth the width of the face, in pixels; the face is centred horizontally
 */
public record StyleFrame(int width, int height, int[] argb, float[] person, int eyeLine, int faceWidth) {

    public StyleFrame {
        if (width <= 0 || height <= 0 || argb.length != width * height || person.length != width * height) {
            throw new IllegalArgumentException("a frame's pixel and person arrays hold width × height values");
        }
    }
}
