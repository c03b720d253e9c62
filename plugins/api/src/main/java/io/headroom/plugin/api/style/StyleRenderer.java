package io.headroom.plugin.api.style;

import java.io.IOException;
import java.util.List;

/**
 * The appliance's own reading and rendering of a pack's styles, offered to the contract test kit.
 * {@code headroom-core} implements it and registers it with {@link java.util.ServiceLoader}; a
 * pack's tests get it by adding {@code headroom-core} at test scope. Packs never implement it.
 */
public interface StyleRenderer {

    /** What the appliance read of a style: its id as people see it, and the headshots it makes. */
    record Summary(String id, String name, String description, List<Output> outputs, String previewType) {
    }

    /** An output of a style: an aspect such as {@code 4:5} and its size in pixels. */
    record Output(String aspect, int width, int height) {
    }

    /** One rendered headshot. */
    record Rendered(String aspect, int width, int height, byte[] jpeg) {
    }

    /**
     * Reads a style of a pack the way the appliance does when it loads the pack: descriptor, LUT
     * and preview.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    Summary read(StylePack pack, String styleId) throws IOException;

    /** Renders the style on a photo (JPEG or PNG bytes with one face): one headshot per aspect of the style. */
    List<Rendered> render(StylePack pack, String styleId, byte[] photo) throws IOException;
}
