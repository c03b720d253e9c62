package io.headroom.perspective;

/**
 * The horizontal field of view of an upright photo, in whole degrees rounded to 5° (all intake
 * keeps of the camera: no focal length, no make, no model), and whether it was assumed because the
 * photo said nothing of its optics.
 */
public record FieldOfView(int degrees, boolean assumed) {

    /** The diagonal of a 35 mm frame (36 × 24 mm), against which "35 mm equivalent" focal lengths are given. */
    static final double FULL_FRAME_DIAGONAL_MM = Math.hypot(36, 24);

    /**
     * A typical phone front camera: 26 mm equivalent (phones' front cameras range about 22–30 mm),
     * about 53° across a 3:4 portrait selfie, 67° across a 4:3 landscape one.
     */
    static final double PHONE_FRONT_FOCAL_35MM = 26;

    public FieldOfView {
        if (degrees < 5 || degrees > 175 || degrees % 5 != 0) {
            throw new IllegalArgumentException("a field of view is 5–175° in steps of 5°");
        }
    }

    /** The field of view across a {@code width × height} upright photo taken at {@code focal35mm} equivalent. */
    public static FieldOfView of(double focal35mm, int width, int height) {
        if (!(focal35mm > 0) || width < 1 || height < 1) {
            throw new IllegalArgumentException("a focal length and a size are positive");
        }
        double focalPixels = focal35mm * Math.hypot(width, height) / FULL_FRAME_DIAGONAL_MM;
        double degrees = Math.toDegrees(2 * Math.atan(width / 2.0 / focalPixels));
        int rounded = (int) Math.round(degrees / 5) * 5;
        return new FieldOfView(Math.max(5, Math.min(175, rounded)), false);
    }

    /** What a photo without optics is taken to be: a phone's front camera ({@value #PHONE_FRONT_FOCAL_35MM} mm equivalent). */
    public static FieldOfView assumed(int width, int height) {
        FieldOfView fov = of(PHONE_FRONT_FOCAL_35MM, width, height);
        return new FieldOfView(fov.degrees, true);
    }

    /** The focal length in pixels of a photo {@code width} pixels wide. */
    public double focalPixels(int width) {
        return width / 2.0 / Math.tan(Math.toRadians(degrees) / 2);
    }
}
