package io.headroom.face;

/** Why a photo cannot be used, in words for the person who took it. */
public enum Verdict {
    NO_FACE("No face was found in this photo."),
    MORE_THAN_ONE_FACE("There is more than one face in this photo: use one where you are alone."),
    FACE_TOO_SMALL("Your face is too small in this photo: take one closer up."),
    TOO_BLURRY("This photo is blurry: hold still, or clean the lens."),
    EYES_CLOSED("Your eyes are closed in this photo."),
    LOOKING_AWAY("You are looking away in this photo: face the camera."),
    TOO_DARK("This photo is too dark: face a window or a lamp."),
    TOO_BRIGHT("This photo is too bright: step out of direct sunlight."),
    DIFFERENT_PERSON("This looks like a different person from your other photos: use photos of one person only."),
    TOO_CLOSE("Too close to the camera: hold the phone at arm's length or ask someone to take it."),
    OFF_CENTRE("Your head and shoulders could not be framed from this photo: keep them in the middle of the picture.");

    private final String message;

    Verdict(String message) {
        this.message = message;
    }

    /** A sentence for the person. */
    public String message() {
        return message;
    }

    /** Stable code, e.g. {@code too-blurry}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
