package io.headroom.server.session;

/**
 * What a person sends to open a session.
 *
 * @param consent       must be {@code true}
 * @param policyVersion the version of the privacy notice shown; the current one when absent
 * @param invitation    the one-time code from the studio, when sessions are by invitation only
 */
public record CreateSessionRequest(Boolean consent, String policyVersion, String invitation) {
}
