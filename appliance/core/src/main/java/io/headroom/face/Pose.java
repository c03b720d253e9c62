package io.headroom.face;

/**
 * Head pose and expression from the face mesh.
 *
 * @param roll          tilt of the eye line, degrees
 * @param yaw           left–right turn, degrees, 0 facing the camera
 * @param pitch         up–down tilt, degrees, positive chin up
 * @param eyeOpenness   lid gap over eye width (open about 0.25–0.35)
 * @param mouthOpenness inner-lip gap over mouth width
 */
public record Pose(double roll, double yaw, double pitch, double eyeOpenness, double mouthOpenness) {

    /** Below this inner-lip gap over mouth width the lips touch. */
    static final double MOUTH_CLOSED = 0.05;
    /** Beyond this the mouth is wide open (yawning, shouting), not talking or smiling. */
    static final double MOUTH_WIDE = 0.35;

    public enum Mouth { CLOSED, PARTED, OPEN }

    public Mouth mouth() {
        return mouthOpenness < MOUTH_CLOSED ? Mouth.CLOSED : mouthOpenness <= MOUTH_WIDE ? Mouth.PARTED : Mouth.OPEN;
    }
}
