package io.headroom.server.problem;

import io.headroom.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Errors the domain raised on purpose: their detail is written for the person. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException e) {
        Response r = e.retryAfter()
                .map(d -> ProblemResponses.withRetryAfter(e.type(), e.detail(), d))
                .orElseGet(() -> ProblemResponses.of(e.type(), e.detail()));
        if (e.type().status() == 401) {
            return Response.fromResponse(r).header("WWW-Authenticate", "Bearer realm=\"headroom\"").build();
        }
        return r;
    }
}
