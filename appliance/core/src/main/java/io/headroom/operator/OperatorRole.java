package io.headroom.operator;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What an operator may do. An admin may do everything an operator may. */
public enum OperatorRole {
    OPERATOR,
    ADMIN;

    /** The role name used by Jakarta Security and the database, for example {@code admin}. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every role this one grants: an admin is an operator too. */
    public Set<OperatorRole> granted() {
        return this == ADMIN ? EnumSet.of(OPERATOR, ADMIN) : EnumSet.of(OPERATOR);
    }

    /** @throws IllegalArgumentException for anything but {@code operator} or {@code admin} */
    public static OperatorRole of(String name) {
        for (OperatorRole r : values()) {
            if (r.roleName().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("A role is 'operator' or 'admin'");
    }
}
