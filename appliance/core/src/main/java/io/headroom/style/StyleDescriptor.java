package io.headroom.style;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.framing.Aspect;
import io.headroom.framing.FramingRules;
import io.headroom.matte.Backdrop;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A style as data: framing, backdrop, light and colour, retouch strength and output aspects. The
 * built-in {@code natural} style is one of these ({@code natural.json}), in the same shape style
 * packs use.
 *
 * @param aspects     the output shapes, such as {@code 1:1} and {@code 4:5}
 * @param outputWidth the width of every output in pixels (64–4096), or null for each aspect's default
 * @param preview     the file name of a preview image in the style's pack, or null
 * @param perspectiveCorrection false to leave a close selfie's perspective as taken; absent or true
 *                    to correct it ({@link io.headroom.perspective.SelfiePerspective})
 */
public record StyleDescriptor(String id, String name, String description, Framing framing, BackdropSpec backdrop,
                              GradeSpec grade, Retouch retouch, List<String> aspects, Integer outputWidth, String preview,
                              Boolean perspectiveCorrection) {

    /** Whether headshots in this style have a close selfie's perspective corrected (the default). */
    public boolean correctsPerspective() {
        return perspectiveCorrection == null || perspectiveCorrection;
    }

    /**
     * Eye line and face width, as fractions of the frame; {@code closestFaceWidth} (optional,
     * default 0.75) limits how close a composition may go when a photo does not fill the style's own.
     */
    public record Framing(double eyeLine, double faceWidth, Double closestFaceWidth) {
        public FramingRules rules() {
            return closestFaceWidth == null ? new FramingRules(eyeLine, faceWidth) : new FramingRules(eyeLine, faceWidth, closestFaceWidth);
        }
    }

    /**
     * The backdrop: {@code type} is {@code solid}, {@code vertical-gradient}, {@code radial-gradient},
     * {@code studio-seamless} or {@code blurred}; colours as {@code #rrggbb}.
     */
    public record BackdropSpec(String type, String colour, String colour2, Integer grey, Double falloff, Integer radius) {
        public Backdrop backdrop() {
            if (type == null) {
                throw new IllegalArgumentException("a backdrop has a type");
            }
            return switch (type) {
                case "solid" -> new Backdrop.Solid(rgb(colour));
                case "vertical-gradient" -> new Backdrop.VerticalGradient(rgb(colour), rgb(colour2));
                case "radial-gradient" -> new Backdrop.RadialGradient(rgb(colour), rgb(colour2), 0.5, 0.4);
                case "studio-seamless" -> new Backdrop.StudioSeamless(grey == null ? 196 : grey, falloff == null ? 0.3 : falloff);
                case "blurred" -> new Backdrop.Blurred(radius == null ? 24 : radius);
                default -> throw new IllegalArgumentException("unknown backdrop type '" + type + "'");
            };
        }

        private static int rgb(String hex) {
            if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
                throw new IllegalArgumentException("a colour is written #rrggbb");
            }
            return Integer.parseInt(hex.substring(1), 16);
        }
    }

    /**
     * Light and colour.
     *
     * @param faceExposure target median brightness of the face (0–1), or null to leave exposure
     * @param contrast     strength of the S-curve, 0–1
     * @param vignette     darkening of the corners, 0–1
     * @param lut          a {@code .cube} resource of the style, or null
     */
    public record GradeSpec(boolean whiteBalance, Double faceExposure, double contrast, double vignette, String lut, double lutStrength) {
    }

    /** Retouch strength, 0–1. */
    public record Retouch(double strength) {
    }

    /** The output shapes at this style's size. */
    public List<Aspect> outputAspects() {
        return aspects.stream().map(Aspect::parse)
                .map(a -> outputWidth == null ? a : new Aspect(a.name(), outputWidth, (int) Math.round((double) outputWidth * a.height() / a.width())))
                .toList();
    }

    /** Reads a descriptor and checks every value. */
    public static StyleDescriptor read(InputStream json) throws IOException {
        StyleDescriptor d = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readValue(json, StyleDescriptor.class);
        d.validate();
        return d;
    }

    /** The built-in {@code natural} style. */
    public static StyleDescriptor natural() {
        try (InputStream in = StyleDescriptor.class.getResourceAsStream("natural.json")) {
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("the built-in style is missing from the build", e);
        }
    }

    private void validate() {
        if (id == null || !id.matches("[a-z0-9-]{1,32}") || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a style has an id of [a-z0-9-] and a name");
        }
        if (framing == null || backdrop == null || grade == null || retouch == null) {
            throw new IllegalArgumentException("style " + id + ": framing, backdrop, grade and retouch are required");
        }
        framing.rules();
        backdrop.backdrop();
        if (grade.contrast() < 0 || grade.contrast() > 1 || grade.vignette() < 0 || grade.vignette() > 1
                || grade.lutStrength() < 0 || grade.lutStrength() > 1
                || (grade.faceExposure() != null && (grade.faceExposure() <= 0 || grade.faceExposure() >= 1))
                || retouch.strength() < 0 || retouch.strength() > 1) {
            throw new IllegalArgumentException("style " + id + ": grade and retouch values are fractions between 0 and 1");
        }
        if (aspects == null || aspects.isEmpty()) {
            throw new IllegalArgumentException("style " + id + ": name at least one aspect, such as 1:1");
        }
        if (outputWidth != null && (outputWidth < 64 || outputWidth > 4096)) {
            throw new IllegalArgumentException("style " + id + ": outputWidth is 64 to 4096 pixels");
        }
        if (preview != null && !preview.matches("[A-Za-z0-9._-]{1,64}\\.(jpg|jpeg|png)")) {
            throw new IllegalArgumentException("style " + id + ": preview is the file name of a JPEG or PNG in the pack");
        }
        if (grade.lut() != null && !grade.lut().matches("[A-Za-z0-9._-]{1,64}\\.cube")) {
            throw new IllegalArgumentException("style " + id + ": lut is the file name of a .cube file in the pack");
        }
        outputAspects();
    }
}
