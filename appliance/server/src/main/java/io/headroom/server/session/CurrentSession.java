package io.headroom.server.session;

import jakarta.enterprise.context.RequestScoped;

/** The session of the request, as {@link SessionAccessFilter} resolved it from its token. */
@RequestScoped
public class CurrentSession {

    private SessionEntity session;

    void set(SessionEntity session) {
        this.session = session;
    }

    /** The request's session; only on {@link SessionRoute} methods, where the filter has let the request in. */
    public SessionEntity get() {
        if (session == null) {
            throw new IllegalStateException("no session was resolved for this request: is the method a @SessionRoute?");
        }
        return session;
    }
}
