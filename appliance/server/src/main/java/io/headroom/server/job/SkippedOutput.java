package io.headroom.server.job;

/**
 * One output (style and aspect) a photo gave no headshot for, and the verdict's code: no
 * composition fit the photo, or the headshot failed its check.
 */
public record SkippedOutput(String style, String aspect, String code) {

    public SkippedOutput {
        for (String part : new String[] {style, aspect, code}) {
            if (part == null || part.isEmpty() || part.contains(" ") || part.contains(";")) {
                throw new IllegalArgumentException("a skipped output's parts are single words");
            }
        }
    }

    String format() {
        return style + " " + aspect + " " + code;
    }

    static SkippedOutput parse(String stored) {
        String[] p = stored.split(" ");
        return new SkippedOutput(p[0], p[1], p[2]);
    }
}
