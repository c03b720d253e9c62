package io.headroom.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes written the way people write it in a configuration file:
 * {@code 512MiB}, {@code 2GB}, {@code 1048576}. Binary (KiB, MiB, GiB, TiB) and decimal
 * (KB, MB, GB, TB) units are both accepted and mean what they say.
 */
public record ByteSize(long bytes) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,15})\\s*([KMGT]i?B|B)?", Pattern.CASE_INSENSITIVE);

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative");
        }
    }

    public static ByteSize parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("A size looks like 512MiB, 2GB or 1048576, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long factor = switch (unit) {
            case "B" -> 1L;
            case "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "TB" -> 1_000_000_000_000L;
            case "KIB" -> 1L << 10;
            case "MIB" -> 1L << 20;
            case "GIB" -> 1L << 30;
            case "TIB" -> 1L << 40;
            default -> throw new IllegalArgumentException("Unknown size unit " + unit);
        };
        return new ByteSize(Math.multiplyExact(n, factor));
    }
}
