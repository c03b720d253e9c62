package io.headroom.server.session;

import java.time.Instant;

/** A session as the person sees it. */
public record SessionView(String id, String state, Instant createdAt, Instant deletesAt, String policyVersion,
                          String receiptId) {

    static SessionView of(SessionEntity s) {
        return new SessionView(s.id(), s.state().wireName(), s.createdAt(),
                s.deletesAt(), s.policyVersion(), s.receiptId());
    }
}
