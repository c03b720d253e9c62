package io.headroom.server.console;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.guard.ClientGuard;
import io.headroom.server.operator.ConsoleSessions;
import io.headroom.server.operator.OperatorAccounts;
import io.headroom.server.operator.OperatorPrincipal;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The console's session: sign in with name and password (the same accounts, lockout and roles as
 * the API's sign-in) for a cookie instead of a token in the answer; ask who is signed in (a
 * reloaded page); sign out.
 */
@Path("console/session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "console", description = "The operator console's session (cookie and CSRF token)")
public class ConsoleSessionResource {

    /** Who is signed in, the CSRF token every change must send, and how long an idle session lives. */
    public record Session(String operator, String role, String csrf, long idleTimeoutSeconds) {
    }

    /** Name and password; the password is never logged or echoed. */
    public record SignInRequest(String name, String password) {
    }

    @Inject
    OperatorAccounts accounts;

    @Inject
    ConsoleSessions sessions;

    @Inject
    ClientGuard guard;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in to the console", description = "Sets the console cookie (HttpOnly, Secure, SameSite=Strict); "
            + "answers with the CSRF token to send as X-CSRF-Token with every change.")
    public Response signIn(SignInRequest body) {
        if (body == null || body.name() == null || body.password() == null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "Send {\"name\": …, \"password\": …}.");
        }
        String client = guard.clientOf(request);
        guard.checkNotBlocked(client);
        OperatorAccounts.SignIn signedIn;
        try {
            signedIn = accounts.signIn(body.name(), body.password().toCharArray(), client);
        } catch (ProblemException e) {
            guard.recordFailure(client);
            throw e;
        }
        sessions.started(signedIn.token());
        return Response.ok(new Session(signedIn.name(), signedIn.role(), sessions.csrfOf(signedIn.token()), sessions.idleTimeout().toSeconds()))
                .header(HttpHeaders.SET_COOKIE, ConsoleSessions.setCookie(signedIn.token())).build();
    }

    @GET
    @Operation(summary = "The console session", description = "Who is signed in, from the cookie; 401 when nobody (or the session ended).")
    public Session current() {
        String token = ConsoleSessions.tokenOf(request).orElseThrow(ConsoleSessionResource::notSignedIn);
        Optional<OperatorPrincipal> operator = accounts.resolve(token);
        if (operator.isEmpty() || !sessions.touch(token)) {
            throw notSignedIn();
        }
        return new Session(operator.get().name(), operator.get().role().roleName(), sessions.csrfOf(token), sessions.idleTimeout().toSeconds());
    }

    @DELETE
    @Operation(summary = "Sign out of the console", description = "Revokes the session (send its X-CSRF-Token) and clears the cookie.")
    public Response signOut(@HeaderParam(ConsoleSessions.CSRF_HEADER) String csrf) {
        Optional<String> token = ConsoleSessions.tokenOf(request);
        if (token.isPresent()) {
            if (!sessions.csrfMatches(token.get(), csrf)) {
                throw new ProblemException(ProblemType.FORBIDDEN, "This change needs the console's CSRF token.");
            }
            sessions.ended(token.get());
        }
        return Response.noContent().header(HttpHeaders.SET_COOKIE, ConsoleSessions.setCookie(null)).build();
    }

    private static ProblemException notSignedIn() {
        return new ProblemException(ProblemType.UNAUTHORIZED, "Sign in to the console.");
    }
}
