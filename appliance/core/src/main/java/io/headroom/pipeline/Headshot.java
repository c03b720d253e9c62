package io.headroom.pipeline;

import io.headroom.framing.Aspect;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One finished headshot: a JPEG in memory, and where it had to be padded.
 *
 * @param identity cosine similarity of the headshot's face descriptor to its source photo's, with
 *                 the identity pack (empty without it)
 */
public record Headshot(Aspect aspect, int width, int height, byte[] jpeg, List<String> padded, OptionalDouble identity) {

    public Headshot {
        padded = List.copyOf(padded);
    }
}
