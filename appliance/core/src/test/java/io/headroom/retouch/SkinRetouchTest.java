package io.headroom.retouch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.face.Face;
import io.headroom.face.FaceLandmarks;
import io.headroom.face.Point;
import io.headroom.face.TestDetectors;
import io.headroom.framing.Aspect;
import io.headroom.framing.EncodedImageSource;
import io.headroom.framing.Framed;
import io.headroom.framing.Framer;
import io.headroom.framing.FramingRules;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.intake.TestPhotos;
import io.headroom.raster.Planes;
import io.headroom.style.StyleDescriptor;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retouch on real headshots: skin evened, texture kept, features untouched. */
class SkinRetouchTest {

    private static final PhotoCleaner INTAKE = new PhotoCleaner(IntakeLimits.DEFAULT, new DecodeBudget(200_000_000L, Duration.ofSeconds(5)));
    /**
     * At the built-in style's strength, the skin keeps at least this fraction of its
     * high-frequency energy (documented in docs/architecture.md): pores and fine texture stay.
     */
    static final double KEPT_TEXTURE = 0.85;

    private record Shot(BufferedImage image, FaceLandmarks mesh) {
        BufferedImage copy() {
            BufferedImage c = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            c.setRGB(0, 0, image.getWidth(), image.getHeight(), image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()), 0,
                    image.getWidth());
            return c;
        }
    }

    private static Shot headshot(String name) {
        byte[] photo = INTAKE.clean(TestPhotos.bytes(name)).encoded();
        Face face = TestDetectors.analyseCleaned(photo).face().orElseThrow();
        Framed framed = new Framer(FramingRules.DEFAULT).frame(new EncodedImageSource(photo), face, Aspect.PORTRAIT);
        return new Shot(framed.image(), TestDetectors.landmarks(framed.image(), framed.face()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"london_005_neutral.jpg", "london_021_neutral.jpg", "obama_2012_oval_office_portrait.jpg", "lisa_webcam_02.jpg"})
    void theDefaultStrengthKeepsTheSkinsTexture(String name) {
        Shot shot = headshot(name);
        BufferedImage after = shot.copy();
        double strength = StyleDescriptor.natural().retouch().strength();
        assertTrue(strength > 0, "the built-in style retouches");
        new SkinRetouch().apply(after, shot.mesh(), strength);
        Rectangle r = SkinMask.bounds(shot.mesh(), after.getWidth(), after.getHeight());
        float[] skin = SkinMask.of(shot.mesh(), r);
        double before = highFrequencyEnergy(shot.image(), r, skin);
        double kept = highFrequencyEnergy(after, r, skin) / before;
        assertTrue(before > 0, "the skin has texture to keep");
        assertTrue(kept >= KEPT_TEXTURE, name + ": high-frequency energy kept " + kept);
        assertTrue(changed(shot.image(), after, r) > 0, name + ": and the retouch did something");
    }

    @Test
    void blemishesFadeWhileEyesBrowsAndLipsStayExactlyAsTheyWere() {
        Shot shot = headshot("london_005_neutral.jpg");
        BufferedImage spotted = shot.copy();
        List<Point> p = shot.mesh().points();
        double faceWidth = SkinMask.faceWidth(shot.mesh());
        // Dark spots, about 1 % of the face wide, on both cheeks and the forehead.
        List<Point> spots = List.of(mid(p.get(50), p.get(205)), mid(p.get(280), p.get(425)), mid(p.get(151), p.get(9)));
        double radius = 0.01 * faceWidth;
        for (Point s : spots) {
            darken(spotted, s, radius, 45);
        }
        BufferedImage retouched = new Shot(spotted, shot.mesh()).copy();
        new SkinRetouch().apply(retouched, shot.mesh(), 1.0);
        BufferedImage cleanRetouched = shot.copy();
        new SkinRetouch().apply(cleanRetouched, shot.mesh(), 1.0);
        for (Point s : spots) {
            double depth = depth(spotted, shot.image(), s, radius);
            // What is left of the spot: the retouched spotted photo against the retouched clean one.
            double left = depth(retouched, cleanRetouched, s, radius);
            assertTrue(depth > 20, "the spot was visible: " + depth);
            assertTrue(left < 0.5 * depth, "spot at " + s + " faded from " + depth + " to " + left);
        }
        // Eyes, brows and lips are excluded outright: not one pixel on their landmarks changes.
        for (int[] feature : SkinMask.FEATURES) {
            for (int i : feature) {
                Point q = p.get(i);
                assertEquals(spotted.getRGB((int) q.x(), (int) q.y()), retouched.getRGB((int) q.x(), (int) q.y()), "landmark " + i);
            }
        }
        // And nothing outside the face oval changes (hair, background).
        Rectangle r = SkinMask.bounds(shot.mesh(), spotted.getWidth(), spotted.getHeight());
        assertEquals(spotted.getRGB(5, 5), retouched.getRGB(5, 5));
        assertEquals(spotted.getRGB(r.x + 1, r.y + 1), retouched.getRGB(r.x + 1, r.y + 1));
    }

    @Test
    void strengthZeroChangesNothing() {
        Shot shot = headshot("london_021_neutral.jpg");
        BufferedImage after = shot.copy();
        new SkinRetouch().apply(after, shot.mesh(), 0);
        assertEquals(0, changed(shot.image(), after, new Rectangle(0, 0, after.getWidth(), after.getHeight())));
    }

    /** Sum over the skin of the squared difference between luma and its 3×3 mean: pores, fine lines, grain. */
    static double highFrequencyEnergy(BufferedImage image, Rectangle r, float[] skin) {
        float[] y = Planes.luma(image.getRGB(r.x, r.y, r.width, r.height, null, 0, r.width));
        float[] mean = Planes.boxMean(y, r.width, r.height, 1);
        double e = 0;
        for (int i = 0; i < y.length; i++) {
            if (skin[i] > 0.99f) {
                double d = y[i] - mean[i];
                e += d * d;
            }
        }
        return e;
    }

    private static int changed(BufferedImage a, BufferedImage b, Rectangle r) {
        int n = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }

    private static Point mid(Point a, Point b) {
        return new Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
    }

    private static void darken(BufferedImage img, Point c, double radius, int amount) {
        for (int y = (int) (c.y() - 3 * radius); y <= c.y() + 3 * radius; y++) {
            for (int x = (int) (c.x() - 3 * radius); x <= c.x() + 3 * radius; x++) {
                double d2 = (x - c.x()) * (x - c.x()) + (y - c.y()) * (y - c.y());
                int k = (int) Math.round(amount * Math.exp(-d2 / (2 * radius * radius)));
                int p = img.getRGB(x, y);
                int r = Math.max(0, ((p >> 16) & 0xFF) - k);
                int g = Math.max(0, ((p >> 8) & 0xFF) - k);
                int b = Math.max(0, (p & 0xFF) - k);
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
    }

    /** How much darker than the clean photo the spot's centre is (mean over its core, grey levels). */
    private static double depth(BufferedImage img, BufferedImage clean, Point c, double radius) {
        double sum = 0;
        int n = 0;
        int core = (int) Math.max(1, radius / 2);
        for (int y = (int) c.y() - core; y <= c.y() + core; y++) {
            for (int x = (int) c.x() - core; x <= c.x() + core; x++) {
                sum += grey(clean.getRGB(x, y)) - grey(img.getRGB(x, y));
                n++;
            }
        }
        return sum / n;
    }

    private static double grey(int p) {
        return (((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF)) / 3.0;
    }
}
