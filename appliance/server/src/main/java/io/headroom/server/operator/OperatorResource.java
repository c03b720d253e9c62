package io.headroom.server.operator;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.guard.BearerToken;
import io.headroom.server.guard.ClientGuard;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators sign in for a console token and sign out to revoke it. */
@Path("operators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operators", description = "Operator sign-in")
public class OperatorResource {

    /** Name and password; the password is never logged or echoed. */
    public record SignInRequest(String name, String password) {
    }

    @Inject
    OperatorAccounts accounts;

    @Inject
    ClientGuard guard;

    @Context
    HttpServletRequest request;

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in as an operator", description = "Answers with a bearer token for /api/admin/**.")
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "401", description = "Wrong name or password")
    @APIResponse(responseCode = "423", description = "This name is locked for this address after repeated failures (an unknown name too)")
    @APIResponse(responseCode = "429", description = "Too many failures from this address, or too many sign-ins at once")
    public OperatorAccounts.SignIn signIn(SignInRequest body) {
        if (body == null || body.name() == null || body.password() == null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "Send {\"name\": …, \"password\": …}.");
        }
        String client = guard.clientOf(request);
        guard.checkNotBlocked(client);
        try {
            return accounts.signIn(body.name(), body.password().toCharArray(), client);
        } catch (ProblemException e) {
            guard.recordFailure(client);
            throw e;
        }
    }

    @POST
    @Path("sign-out")
    @Operation(summary = "Sign out", description = "Revokes the operator token sent as Authorization: Bearer.")
    @APIResponse(responseCode = "204", description = "Signed out (also when the token was already invalid)")
    public Response signOut(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        accounts.signOut(BearerToken.from(authorization));
        return Response.noContent().build();
    }
}
