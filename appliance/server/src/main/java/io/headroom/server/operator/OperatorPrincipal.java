package io.headroom.server.operator;

import io.headroom.operator.OperatorRole;
import java.util.Set;
import java.util.stream.Collectors;

/** The operator behind a request. */
public record OperatorPrincipal(String id, String name, OperatorRole role) {

    /** Role names for Jakarta Security: an admin is an operator too. */
    public Set<String> roleNames() {
        return role.granted().stream().map(OperatorRole::roleName).collect(Collectors.toUnmodifiableSet());
    }
}
