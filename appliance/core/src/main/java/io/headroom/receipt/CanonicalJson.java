package io.headroom.receipt;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The byte form a receipt is signed in: UTF-8 JSON without whitespace, object keys sorted by
 * code point, strings with only {@code "}, {@code \} and control characters escaped, integers
 * in plain decimal. Receipts hold only objects, strings, integers, booleans and null, so this is
 * exactly what {@code jq -cjS} prints for them; the documented verification relies on that.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static byte[] bytes(Map<String, ?> object) {
        StringBuilder out = new StringBuilder();
        write(object, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted(map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Long || value instanceof Integer) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else {
            throw new IllegalArgumentException("a receipt holds objects, strings, integers and booleans only, not " + value.getClass());
        }
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put((String) k, v));
        return sorted;
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
