package io.headroom.server.session;

import java.time.Instant;

/**
 * The answer to opening a session. The token is shown this once; only its hash is kept.
 *
 * @param receiptId the id under which the deletion receipt will be found
 */
public record CreatedSession(String id, String token, Instant deletesAt, String receiptId) {
}
