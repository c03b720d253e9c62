package io.headroom.style;

import io.headroom.grade.CubeLut;
import io.headroom.intake.SniffedFormat;
import io.headroom.plugin.api.style.StylePack;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads a style out of a {@link StylePack}: descriptor, LUT and preview, each checked. */
public final class PackStyles {

    /** A pack's style as read, with its preview image. */
    public record Loaded(Style style, byte[] preview, String previewType) {
    }

    /** Largest resource a pack may hand over: descriptors, LUTs and previews are small. */
    static final int MAX_RESOURCE = 8 * 1024 * 1024;

    private static final String ID = "[a-z0-9-]{1,31}";

    private PackStyles() {
    }

    /**
     * Reads style {@code styleId} of {@code pack}.
     *
     * @throws IllegalArgumentException naming what is wrong, for the operator or the pack's author
     */
    public static Loaded read(StylePack pack, String styleId) throws IOException {
        String packId = pack.id();
        if (packId == null || !packId.matches(ID) || styleId == null || !styleId.matches(ID)) {
            throw new IllegalArgumentException("pack and style ids are 1 to 31 characters of a-z, 0-9 and '-'");
        }
        String qualified = packId + "/" + styleId;
        StyleDescriptor descriptor;
        try (InputStream json = new ByteArrayInputStream(required(pack, styleId + ".json", qualified))) {
            descriptor = StyleDescriptor.read(json);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("style " + qualified + ": its descriptor is not valid: " + e.getOriginalMessage());
        }
        if (!descriptor.id().equals(styleId)) {
            throw new IllegalArgumentException("style " + qualified + ": its descriptor says id '" + descriptor.id() + "'");
        }
        CubeLut lut = null;
        if (descriptor.grade().lut() != null) {
            byte[] cube = required(pack, descriptor.grade().lut(), qualified);
            try {
                lut = CubeLut.parse(new InputStreamReader(new ByteArrayInputStream(cube), StandardCharsets.US_ASCII));
            } catch (io.headroom.grade.LutFormatException e) {
                throw new IllegalArgumentException("style " + qualified + ": " + descriptor.grade().lut() + ": " + e.getMessage());
            }
        }
        byte[] preview = null;
        String type = null;
        if (descriptor.preview() != null) {
            preview = required(pack, descriptor.preview(), qualified);
            type = imageType(preview);
            if (type == null) {
                throw new IllegalArgumentException("style " + qualified + ": its preview is neither JPEG nor PNG");
            }
        }
        return new Loaded(new Style(qualified, descriptor, lut, pack.hook(styleId)), preview, type);
    }

    private static byte[] required(StylePack pack, String name, String style) throws IOException {
        try (InputStream in = pack.resource(name)) {
            if (in == null) {
                throw new IllegalArgumentException("style " + style + ": the pack has no " + name);
            }
            byte[] bytes = in.readNBytes(MAX_RESOURCE + 1);
            if (bytes.length > MAX_RESOURCE) {
                throw new IllegalArgumentException("style " + style + ": " + name + " is larger than " + MAX_RESOURCE / (1024 * 1024) + " MiB");
            }
            return bytes;
        }
    }

    /** {@code image/jpeg} or {@code image/png} from the file's first bytes; null for anything else. */
    static String imageType(byte[] b) {
        return switch (SniffedFormat.of(b)) {
            case JPEG -> "image/jpeg";
            case PNG -> "image/png";
            default -> null;
        };
    }
}
