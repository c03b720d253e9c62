package io.headroom.server.problem;

import io.headroom.problem.ProblemType;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Errors raised by the JAX-RS runtime (unknown path, wrong method, wrong content type, malformed
 * body, missing role) as problem+json. Their own messages are not shown: they can echo request
 * content.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        boolean anonymous = security == null || security.getUserPrincipal() == null;
        if (status == 401 || (e instanceof ForbiddenException && anonymous)) {
            return Response.fromResponse(ProblemResponses.of(ProblemType.UNAUTHORIZED,
                            "Sign in as an operator first (POST /api/operators/sign-in) and send the token as 'Authorization: Bearer …'."))
                    .header("WWW-Authenticate", "Bearer realm=\"headroom\"").build();
        }
        ProblemType type = ProblemType.forStatus(status);
        Response.ResponseBuilder r = ProblemResponses.builder(type, detailFor(e, type));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            r.header(HttpHeaders.ALLOW, allow);
        }
        return r.build();
    }

    private static String detailFor(WebApplicationException e, ProblemType type) {
        if (e instanceof NotFoundException) {
            return Problem.NOTHING_HERE;
        }
        if (e instanceof NotAllowedException) {
            return "This address does not support that HTTP method; the Allow header lists the ones it does.";
        }
        if (e instanceof NotSupportedException) {
            return "The request body has a content type this address does not accept. Send JSON (Content-Type: application/json).";
        }
        if (e instanceof NotAcceptableException) {
            return "This address cannot answer in any of the formats the Accept header asks for. Ask for application/json.";
        }
        if (e instanceof ForbiddenException) {
            return "Your operator account does not have the role this needs.";
        }
        if (type == ProblemType.INVALID_REQUEST) {
            return "The request could not be read. Check that the body is well-formed JSON of the documented shape.";
        }
        return type.title() + ".";
    }
}
