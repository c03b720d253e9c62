package io.headroom.operator;

import java.util.regex.Pattern;

/** An operator's sign-in name: 1–64 characters of letters, digits, dot, dash, underscore or @. */
public record OperatorName(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    public OperatorName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "An operator name has 1 to 64 letters, digits, dots, dashes, underscores or @");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
