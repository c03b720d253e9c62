package io.headroom.pipeline;

import io.headroom.framing.Aspect;
import java.util.List;

/** One finished headshot: a JPEG in memory, and where it had to be padded. */
public record Headshot(Aspect aspect, int width, int height, byte[] jpeg, List<String> padded) {

    public Headshot {
        padded = List.copyOf(padded);
    }
}
