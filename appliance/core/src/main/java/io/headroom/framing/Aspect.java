package io.headroom.framing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An output shape: a name like {@code 1:1} and its pixel size.
 */
public record Aspect(String name, int width, int height) {

    public static final Aspect SQUARE = new Aspect("1:1", 1024, 1024);
    public static final Aspect PORTRAIT = new Aspect("4:5", 1080, 1350);

    private static final Pattern RATIO = Pattern.compile("(\\d{1,2}):(\\d{1,2})");

    public Aspect {
        if (width < 64 || height < 64 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException("an output size is 64 to 8192 pixels a side");
        }
    }

    /** {@code 1:1} and {@code 4:5} have their default sizes; another ratio gets 1080 px width. */
    public static Aspect parse(String ratio) {
        String r = ratio.trim();
        if (r.equals(SQUARE.name)) {
            return SQUARE;
        }
        if (r.equals(PORTRAIT.name)) {
            return PORTRAIT;
        }
        Matcher m = RATIO.matcher(r);
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0 || Integer.parseInt(m.group(2)) == 0) {
            throw new IllegalArgumentException("An aspect is written like 1:1 or 4:5, not '" + ratio + "'");
        }
        int w = 1080;
        return new Aspect(r, w, (int) Math.round(w * Double.parseDouble(m.group(2)) / Double.parseDouble(m.group(1))));
    }

    /** For file names: {@code 1x1}. */
    public String slug() {
        return name.replace(':', 'x');
    }
}
