package io.headroom.server.problem;

import io.headroom.problem.ProblemType;

/**
 * The body of an error response, RFC 9457 {@code application/problem+json}, with the stable
 * {@code code} as an extension member.
 */
public record Problem(String type, String code, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.typeUri(), type.code(), type.title(), type.status(), detail);
    }
}
