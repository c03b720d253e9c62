package io.headroom.pipeline;

import io.headroom.framing.Aspect;
import io.headroom.framing.Composition;
import io.headroom.perspective.Perspective;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One finished headshot that passed its check: a JPEG in memory, how it was framed, and the
 * check's figures.
 *
 * @param padded      the sides where the frame reached past the photo (only beyond the person's
 *                    reach: the backdrop shows there)
 * @param composition where the face sits: the style's own composition or a closer one
 * @param extended    the sides past which the person's clothing was continued by synthesis
 *                    ({@link io.headroom.framing.ClothingExtension}); empty when the photo filled
 *                    the frame
 * @param checks      the figures of {@link HeadshotCheck}
 * @param cutout      the person alone as a PNG with alpha, same framing, transparent backdrop, when
 *                    asked for ({@link HeadshotPipeline#render(byte[], io.headroom.face.Face, Optional, io.headroom.style.Style, List, boolean)})
 * @param identity    cosine similarity of the headshot's face descriptor to its source photo's, with
 *                    the identity pack (empty without it)
 * @param perspective the camera's estimated distance and the selfie-perspective correction applied
 *                    ({@link io.headroom.perspective.SelfiePerspective})
 */
public record Headshot(Aspect aspect, int width, int height, byte[] jpeg, List<String> padded, Composition composition,
                       List<String> extended, HeadshotCheck.Figures checks, OptionalDouble identity, Optional<byte[]> cutout,
                       Perspective perspective) {

    public Headshot {
        padded = List.copyOf(padded);
        extended = List.copyOf(extended);
    }
}
