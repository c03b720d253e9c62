package io.headroom.style;

import io.headroom.framing.Aspect;
import io.headroom.grade.CubeLut;
import io.headroom.plugin.api.style.CompositingHook;
import java.util.List;
import java.util.Optional;

/**
 * A style ready to render: its descriptor, its LUT already parsed and its optional hook. Values
 * only, so a job that holds one finishes with what it began with, whatever happens to the pack.
 *
 * @param id the id people use: {@code natural}, or {@code packId/styleId} for a pack's style
 */
public record Style(String id, StyleDescriptor descriptor, CubeLut lut, Optional<CompositingHook> hook) {

    public Style {
        if ((lut == null) != (descriptor.grade().lut() == null)) {
            throw new IllegalArgumentException("style " + id + ": the LUT given does not match the descriptor");
        }
    }

    private static final class Natural {
        static final Style STYLE = new Style(StyleDescriptor.natural().id(), StyleDescriptor.natural(),
                Look.builtInLut(StyleDescriptor.natural().grade().lut()), Optional.empty());
    }

    /** The built-in {@code natural} style. */
    public static Style natural() {
        return Natural.STYLE;
    }

    public Look look() {
        return new Look(descriptor, lut);
    }

    public List<Aspect> aspects() {
        return descriptor.outputAspects();
    }
}
