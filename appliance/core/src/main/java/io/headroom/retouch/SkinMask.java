package io.headroom.retouch;

import io.headroom.face.FaceLandmarks;
import io.headroom.face.Point;
import io.headroom.raster.Planes;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Where skin is, from the face mesh: the face oval, less the eyes, brows and lips, each grown by a
 * margin so lashes and lip lines stay out. The edge of the oval is feathered; the features are cut
 * out with hard zeros, so they are never touched.
 */
public final class SkinMask {

    // MediaPipe face-mesh contours, each in order around its outline.
    static final int[] FACE_OVAL = {10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152,
        148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109};
    static final int[] EYE_A = {33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246};
    static final int[] EYE_B = {263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466};
    static final int[] BROW_A = {46, 53, 52, 65, 55, 107, 66, 105, 63, 70};
    static final int[] BROW_B = {276, 283, 282, 295, 285, 336, 296, 334, 293, 300};
    static final int[] LIPS = {61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39, 40, 185};
    static final int[][] FEATURES = {EYE_A, EYE_B, BROW_A, BROW_B, LIPS};

    private SkinMask() {
    }

    /**
     * The mask over {@code region} of an image: 1 on skin, 0 off it, values in between only at the
     * oval's feathered edge.
     *
     * @param region the part of the image the mask covers (see {@link #bounds})
     */
    public static float[] of(FaceLandmarks mesh, Rectangle region) {
        double faceWidth = faceWidth(mesh);
        BufferedImage canvas = new BufferedImage(region.width, region.height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.translate(-region.x, -region.y);
            g.setColor(Color.WHITE);
            g.fill(outline(mesh, FACE_OVAL));
        } finally {
            g.dispose();
        }
        byte[] oval = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        float[] mask = new float[oval.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (oval[i] & 0xFF) / 255f;
        }
        // Feather inwards: the blurred oval, kept only inside it, fades to nothing at the jaw and hairline.
        float[] soft = Planes.boxMean(Planes.boxMean(mask, region.width, region.height, feather(faceWidth)), region.width, region.height,
                feather(faceWidth));
        for (int i = 0; i < mask.length; i++) {
            mask[i] = Math.max(0, 2 * soft[i] - 1) * mask[i];
        }
        BufferedImage features = new BufferedImage(region.width, region.height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D f = features.createGraphics();
        try {
            f.translate(-region.x, -region.y);
            f.setColor(Color.WHITE);
            f.setStroke(new BasicStroke((float) (2 * margin(faceWidth)), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int[] feature : FEATURES) {
                Path2D shape = outline(mesh, feature);
                f.fill(shape);
                f.draw(shape);
            }
        } finally {
            f.dispose();
        }
        byte[] cut = ((DataBufferByte) features.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < mask.length; i++) {
            if (cut[i] != 0) {
                mask[i] = 0;
            }
        }
        return mask;
    }

    /** The face oval's bounding box, grown by the feather, clipped to the image. */
    public static Rectangle bounds(FaceLandmarks mesh, int width, int height) {
        Rectangle box = outline(mesh, FACE_OVAL).getBounds();
        int grow = 2 * feather(faceWidth(mesh));
        box.grow(grow, grow);
        return box.intersection(new Rectangle(0, 0, width, height));
    }

    static double faceWidth(FaceLandmarks mesh) {
        return mesh.points().get(234).distance(mesh.points().get(454));
    }

    /** How far lashes, brow hairs and the lip line reach beyond their landmarks. */
    static double margin(double faceWidth) {
        return Math.max(2, 0.03 * faceWidth);
    }

    private static int feather(double faceWidth) {
        return (int) Math.max(2, Math.round(0.03 * faceWidth));
    }

    private static Path2D outline(FaceLandmarks mesh, int[] indices) {
        Path2D.Double path = new Path2D.Double();
        for (int k = 0; k < indices.length; k++) {
            Point p = mesh.points().get(indices[k]);
            if (k == 0) {
                path.moveTo(p.x(), p.y());
            } else {
                path.lineTo(p.x(), p.y());
            }
        }
        path.closePath();
        return path;
    }
}
