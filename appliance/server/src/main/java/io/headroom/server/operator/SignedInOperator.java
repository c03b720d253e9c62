package io.headroom.server.operator;

import jakarta.enterprise.context.RequestScoped;

/** The operator of the current request, set by {@link OperatorAuthentication}. */
@RequestScoped
public class SignedInOperator {

    private OperatorPrincipal principal;

    void set(OperatorPrincipal principal) {
        this.principal = principal;
    }

    /** @throws IllegalStateException on a request without a signed-in operator (a bug: roles are checked first) */
    public OperatorPrincipal current() {
        if (principal == null) {
            throw new IllegalStateException("no operator is signed in on this request");
        }
        return principal;
    }
}
