package io.headroom.server.session;

/**
 * A person's request to delete their session sooner: either a moment ({@code deletesAt}, ISO-8601)
 * or a delay from now ({@code in}, an ISO-8601 duration such as {@code PT1H}: "delete 1 hour after
 * I download"). Exactly one of the two.
 */
public record DeadlineRequest(String deletesAt, String in) {
}
