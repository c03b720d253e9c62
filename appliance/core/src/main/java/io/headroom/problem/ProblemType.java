package io.headroom.problem;

/**
 * Every kind of error the API reports, each with a stable code and HTTP status.
 *
 * <p>The code is part of the public API: clients switch on it, so a code is never renamed or
 * reused. The title is a short English summary; the detail of each occurrence says what to do.
 */
public enum ProblemType {
    INVALID_REQUEST(400, "The request is not valid"),
    CONSENT_REQUIRED(400, "Consent is required"),
    UNAUTHORIZED(401, "Sign-in required"),
    TOO_MANY_PHOTOS(409, "Too many photos"),
    NO_PHOTOS(409, "No photos yet"),
    UNKNOWN_STYLE(400, "Unknown style"),
    PHOTO_TOO_LARGE(413, "Photo too large"),
    REQUEST_TOO_LARGE(413, "Request too large"),
    UNSUPPORTED_PHOTO_FORMAT(415, "Unsupported photo format"),
    HEIC_NOT_SUPPORTED(415, "HEIC photos are not supported yet"),
    PHOTO_DIMENSIONS_TOO_LARGE(422, "Photo dimensions too large"),
    PHOTO_UNREADABLE(422, "Photo cannot be read"),
    INTEGRITY_ERROR(500, "Stored data failed its integrity check"),
    INVITATION_REQUIRED(403, "An invitation is required"),
    INVITATION_INVALID(403, "The invitation cannot be used"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    ACCOUNT_LOCKED(423, "Account locked"),
    TOO_MANY_ATTEMPTS(429, "Too many attempts"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    TOO_MANY_JOBS(429, "Too many jobs"),
    INTERNAL_ERROR(500, "Something went wrong on the appliance"),
    INSUFFICIENT_STORAGE(503, "The appliance is low on disk space"),
    BUSY(503, "The appliance is busy");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** A short summary that is the same for every occurrence. */
    public String title() {
        return title;
    }

    /** Stable, lower-case code, for example {@code consent-required}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The RFC 9457 {@code type} URI. It names the problem; it is not meant to be fetched. */
    public String typeUri() {
        return "urn:headroom:problem:" + code();
    }

    /** The type with the given HTTP status that generic errors map to, or {@link #INVALID_REQUEST}/{@link #INTERNAL_ERROR}. */
    public static ProblemType forStatus(int status) {
        switch (status) {
            case 401: return UNAUTHORIZED;
            case 403: return FORBIDDEN;
            case 404: return NOT_FOUND;
            case 405: return METHOD_NOT_ALLOWED;
            case 406: return NOT_ACCEPTABLE;
            case 415: return UNSUPPORTED_MEDIA_TYPE;
            case 429: return TOO_MANY_ATTEMPTS;
            case 503: return BUSY;
            default: return status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
        }
    }
}
