package io.headroom.server.problem;

import io.headroom.problem.ProblemType;

/**
 * The body of an error response, RFC 9457 {@code application/problem+json}, with the stable
 * {@code code} as an extension member.
 */
public record Problem(String type, String code, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The detail for an address where nothing is. */
    public static final String NOTHING_HERE = "There is nothing at this address.";

    /** The detail for a bug, with the incident number under which the log has the stack trace. */
    public static String unexpectedDetail(String incident) {
        return "The appliance hit an unexpected error (incident " + incident + "). Please try again, "
                + "and give the operator this incident number if it happens again.";
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.typeUri(), type.code(), type.title(), type.status(), detail);
    }
}
