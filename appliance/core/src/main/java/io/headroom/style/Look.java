package io.headroom.style;

import io.headroom.grade.Grade;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * Applies a style's light and colour to a framed headshot, in place. The face's position is
 * known from framing (eye line and face width), so exposure is judged on the face itself.
 */
public final class Look {

    private final StyleDescriptor style;

    public Look(StyleDescriptor style) {
        this.style = style;
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
        if (g.vignette() > 0) {
            Grade.vignette(px, w, h, g.vignette());
        }
        headshot.setRGB(0, 0, w, h, px, 0, w);
    }
}
