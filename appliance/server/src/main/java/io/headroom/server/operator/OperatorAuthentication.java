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
 * Jakarta Security mechanism for the operator console: on {@code /api/admin/**} a bearer token
 * from {@link OperatorAccounts#signIn} establishes the caller and their roles. Everywhere else the
 * bearer token belongs to a person's session and is none of this mechanism's business.
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

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(ADMIN_PREFIX)) {
            return context.doNothing();
        }
        Optional<OperatorPrincipal> operator = accounts.resolve(BearerToken.from(request.getHeader("Authorization")));
        if (operator.isEmpty()) {
            return context.doNothing();
        }
        signedIn.set(operator.get());
        return context.notifyContainerAboutLogin(operator.get().name(), operator.get().roleNames());
    }
}
