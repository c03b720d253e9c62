package io.headroom.plugin.api;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Version of the Headroom plugin API, as {@code MAJOR.MINOR}.
 *
 * <p>A plugin names the API version it was compiled against. The appliance loads it when the
 * major versions are equal and the plugin's minor version is not newer than the appliance's:
 * minor versions only add, major versions may break.
 *
 * @param major incremented on incompatible changes
 * @param minor incremented when extension points or value types are added
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    /** The API version this jar provides. */
    public static final ApiVersion CURRENT = new ApiVersion(1, 2);

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");

    public ApiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("API version numbers cannot be negative");
        }
    }

    /**
     * Parses {@code MAJOR.MINOR}, for example {@code 1.0}.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static ApiVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("An API version looks like 1.0, not '" + text + "'");
        }
        return new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Whether a plugin built against {@code required} can run on an appliance providing this version. */
    public boolean satisfies(ApiVersion required) {
        return major == required.major && minor >= required.minor;
    }

    @Override
    public int compareTo(ApiVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
