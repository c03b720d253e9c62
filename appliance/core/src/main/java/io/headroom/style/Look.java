package io.headroom.style;

import io.headroom.grade.CubeLut;
import io.headroom.grade.Grade;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * Applies a style's light and colour to a framed headshot, in place. The face's position is
 * known from framing (eye line and face width), so exposure is judged on the face itself.
 */
public final class Look {

    private final StyleDescriptor style;
    private final CubeLut lut;

    /** @param lut the style's LUT, read by whoever holds its resources; null for none */
    public Look(StyleDescriptor style, CubeLut lut) {
        if ((lut == null) != (style.grade().lut() == null)) {
            throw new IllegalArgumentException("style " + style.id() + ": the LUT given does not match the descriptor");
        }
        this.style = style;
        this.lut = lut;
    }

    static CubeLut builtInLut(String name) {
        try (InputStream in = Look.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the built-in LUT " + name + " is missing from the build");
            }
            return CubeLut.parse(new InputStreamReader(in, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("the built-in LUT " + name + " cannot be read", e);
        }
    }

    public void apply(BufferedImage headshot) {
        int w = headshot.getWidth();
        int h = headshot.getHeight();
        int[] px = headshot.getRGB(0, 0, w, h, null, 0, w);
        StyleDescriptor.GradeSpec g = style.grade();
        if (g.whiteBalance()) {
            Grade.whiteBalance(px);
        }
        if (g.faceExposure() != null) {
            // The face, from the framing rules: centred, its width a known share, eyes on the eye line.
            int faceW = (int) (style.framing().faceWidth() * w);
            int eyeY = (int) (style.framing().eyeLine() * h);
            Rectangle face = new Rectangle(w / 2 - faceW / 3, eyeY - faceW / 6, 2 * faceW / 3, faceW * 2 / 3);
            Grade.faceExposure(px, w, face, g.faceExposure(), 1);
        }
        if (g.contrast() > 0) {
            Grade.contrast(px, g.contrast());
        }
        if (lut != null && g.lutStrength() > 0) {
            lut.apply(px, g.lutStrength());
        }
        if (g.vignette() > 0) {
            Grade.vignette(px, w, h, g.vignette());
        }
        headshot.setRGB(0, 0, w, h, px, 0, w);
    }
}
