package io.headroom.server.session;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Session access in one place: for every {@link SessionRoute}, the session of the path's
 * {@code {id}} and the request's bearer token, or the same 404 for every kind of wrong (counted
 * against the client's guessing budget), before anything else runs: before admission control,
 * before a body is read.
 */
@Provider
@SessionRoute
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class SessionAccessFilter implements ContainerRequestFilter {

    @Inject
    SessionAccess access;

    @Inject
    CurrentSession current;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        String id = context.getUriInfo().getPathParameters().getFirst("id");
        current.set(access.authorize(id, context.getHeaderString(HttpHeaders.AUTHORIZATION), request));
    }
}
