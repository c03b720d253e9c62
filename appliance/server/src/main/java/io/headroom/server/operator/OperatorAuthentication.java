package io.headroom.server.operator;

import io.headroom.server.guard.BearerToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Jakarta Security mechanism for operators: on {@code /api/admin/**} a bearer token from
 * {@link OperatorAccounts#signIn} establishes the caller and their roles, or, without one, the
 * console's cookie ({@link ConsoleSessions}): then the session must not
 * have been idle too long, and a change (anything but GET and HEAD) must carry its CSRF token.
 * Everywhere else the bearer token belongs to a person's session and is none of this mechanism's
 * business.
 *
 * <p>It never refuses a request itself: {@code @RolesAllowed} does, so the refusal is a
 * problem+json like every other error.
 */
@ApplicationScoped
public class OperatorAuthentication implements HttpAuthenticationMechanism {

    static final String ADMIN_PREFIX = "/api/admin/";

    @Inject
    OperatorAccounts accounts;

    @Inject
    SignedInOperator signedIn;

    @Inject
    ConsoleSessions console;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(ADMIN_PREFIX)) {
            return context.doNothing();
        }
        String bearer = BearerToken.from(request.getHeader("Authorization"));
        Optional<OperatorPrincipal> operator = bearer != null ? accounts.resolve(bearer) : fromConsole(request);
        if (operator.isEmpty()) {
            return context.doNothing();
        }
        signedIn.set(operator.get());
        return context.notifyContainerAboutLogin(operator.get().name(), operator.get().roleNames());
    }

    /** The console's operator: a live session, and for a change its CSRF token. */
    private Optional<OperatorPrincipal> fromConsole(HttpServletRequest request) {
        Optional<String> token = ConsoleSessions.tokenOf(request);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        boolean change = !request.getMethod().equals("GET") && !request.getMethod().equals("HEAD");
        if (change && !console.csrfMatches(token.get(), request.getHeader(ConsoleSessions.CSRF_HEADER))) {
            return Optional.empty();
        }
        Optional<OperatorPrincipal> operator = accounts.resolve(token.get());
        return operator.isPresent() && console.touch(token.get()) ? operator : Optional.empty();
    }
}
