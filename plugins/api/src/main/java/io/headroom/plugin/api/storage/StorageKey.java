package io.headroom.plugin.api.storage;

import java.util.regex.Pattern;

/**
 * The name of a stored object: one to eight segments of lower-case letters, digits, {@code _}
 * and {@code -}, joined by {@code /}, at most 200 characters; for example {@code q3x9/0a7k}.
 *
 * <p>The appliance makes every key from random identifiers: a key never carries a file name
 * given by a person, a session token or anything else that says who or what is inside. Drivers
 * may map keys to paths or object names as they are; the grammar keeps that safe (no
 * {@code ..}, no leading slash, no upper case for case-insensitive stores).
 */
public record StorageKey(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9_-]{1,64}(/[a-z0-9_-]{1,64}){0,7}");

    public StorageKey {
        if (value == null || value.length() > 200 || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("A storage key is 1 to 8 '/'-separated segments of [a-z0-9_-]");
        }
    }

    /** Whether this key starts with the given prefix (a whole segment or more, or the empty prefix). */
    public boolean hasPrefix(String prefix) {
        return prefix.isEmpty() || value.equals(prefix) || value.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }

    @Override
    public String toString() {
        return value;
    }
}
