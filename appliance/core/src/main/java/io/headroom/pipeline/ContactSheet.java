package io.headroom.pipeline;

import io.headroom.face.Resize;
import io.headroom.framing.HeadshotEncoder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A before/after sheet: the cleaned photo and the headshot side by side at the same height. */
public final class ContactSheet {

    public static final int HEIGHT = 600;
    private static final int GAP = 16;

    private ContactSheet() {
    }

    /** The two JPEGs or PNGs side by side, as a JPEG. */
    public static byte[] of(byte[] before, byte[] after) {
        try {
            BufferedImage a = ImageIO.read(new ByteArrayInputStream(before));
            BufferedImage b = ImageIO.read(new ByteArrayInputStream(after));
            BufferedImage left = Resize.to(a, Math.max(1, a.getWidth() * HEIGHT / a.getHeight()), HEIGHT);
            BufferedImage right = Resize.to(b, Math.max(1, b.getWidth() * HEIGHT / b.getHeight()), HEIGHT);
            BufferedImage sheet = new BufferedImage(left.getWidth() + right.getWidth() + 3 * GAP, HEIGHT + 2 * GAP, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = sheet.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
                g.drawImage(left, GAP, GAP, null);
                g.drawImage(right, 2 * GAP + left.getWidth(), GAP, null);
            } finally {
                g.dispose();
            }
            return new HeadshotEncoder(88, "").encode(sheet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
