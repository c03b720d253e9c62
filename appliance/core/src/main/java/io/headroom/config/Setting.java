package io.headroom.config;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One configuration key: its name, its default (as written in {@code config/headroom.properties};
 * null for an optional key without one), how its text is read, and what it is for.
 *
 * @param parser turns the text into the value; throws {@link IllegalArgumentException} with a
 *               reason a person understands when the text will not do
 */
public record Setting<T>(String key, String defaultValue, Function<String, T> parser, String doc) {

    public Setting {
        Objects.requireNonNull(key);
        Objects.requireNonNull(parser);
        if (!key.startsWith("headroom.")) {
            throw new IllegalArgumentException("settings are headroom.* keys");
        }
    }

    /** Whether the key may stay unset (it has no default). */
    public boolean optional() {
        return defaultValue == null;
    }

    /**
     * The value {@code source} gives, or the default's.
     *
     * @throws IllegalStateException naming the key and the reason, when the text will not do or an
     *                               optional key is read as if it had a default
     */
    public T in(SettingsSource source) {
        return optionalIn(source).orElseThrow(() -> new IllegalStateException(key + " is not set"));
    }

    /** The value, or empty for an optional key that is not set. */
    public Optional<T> optionalIn(SettingsSource source) {
        Optional<String> text = source.raw(key).map(String::strip).filter(s -> !s.isEmpty()).or(() -> Optional.ofNullable(defaultValue));
        try {
            return text.map(parser);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new IllegalStateException(key + ": " + e.getMessage(), e);
        }
    }
}
