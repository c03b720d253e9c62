package io.headroom.grade;

import java.io.IOException;

/** A {@code .cube} file that cannot be read, with the line where it went wrong. */
public class LutFormatException extends IOException {

    public LutFormatException(int line, String problem) {
        super("Not a valid .cube LUT (line " + line + "): " + problem);
    }
}
