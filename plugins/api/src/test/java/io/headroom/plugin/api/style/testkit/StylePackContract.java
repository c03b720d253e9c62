package io.headroom.plugin.api.style.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.plugin.api.style.StylePack;
import io.headroom.plugin.api.style.StyleRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every {@link StylePack} must keep. A pack's own test extends this class and
 * returns the pack from {@link #pack()}:
 *
 * <pre>{@code
 * class CorporatePackTest extends StylePackContract {
 *     protected StylePack pack() {
 *         return new CorporatePack();
 *     }
 * }
 * }</pre>
 *
 * The styles are read and rendered by the appliance's own code: add {@code headroom-core} at test
 * scope, and point the system property {@code headroom.models.dir} at an installation's
 * {@code models/} folder (surefire's {@code systemPropertyVariables}). Rendering uses a licensed
 * test photo shipped with this kit (see its {@code CREDITS.md}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StylePackContract {

    private static final String ID = "[a-z0-9-]{1,31}";

    private StylePack pack;
    private StyleRenderer renderer;

    /** The pack under test, as its plugin would hand it out. */
    protected abstract StylePack pack();

    @BeforeAll
    void findPackAndRenderer() {
        pack = pack();
        renderer = ServiceLoader.load(StyleRenderer.class).findFirst().orElseThrow(() -> new AssertionError(
                "No StyleRenderer on the test class path: add io.headroom:headroom-core at test scope"));
    }

    @Test
    void idsAreWellFormedAndUnique() {
        assertTrue(pack.id() != null && pack.id().matches(ID), "pack id is [a-z0-9-], 1-31 characters: " + pack.id());
        List<String> styles = pack.styleIds();
        assertFalse(styles.isEmpty(), "a pack has at least one style");
        Set<String> seen = new HashSet<>();
        for (String s : styles) {
            assertTrue(s.matches(ID), "style id is [a-z0-9-], 1-31 characters: " + s);
            assertTrue(seen.add(s), "style ids are unique: " + s);
        }
    }

    @Test
    void everyStyleReadsAsTheApplianceReadsIt() throws IOException {
        for (String s : pack.styleIds()) {
            StyleRenderer.Summary summary = renderer.read(pack, s);
            assertEquals(pack.id() + "/" + s, summary.id());
            assertFalse(summary.name().isBlank(), s + " has a name");
            assertTrue(summary.description() != null && !summary.description().isBlank(), s + " has a description");
            assertNotNull(summary.previewType(), s + " has a preview image for the style picker");
            assertFalse(summary.outputs().isEmpty(), s + " names its outputs");
        }
    }

    @Test
    void resourceNamesCannotLeaveThePack() throws IOException {
        for (String name : List.of("../" + pack.styleIds().get(0) + ".json", "/etc/passwd", "no-such-file.json")) {
            try (InputStream in = pack.resource(name)) {
                assertNull(in, "no resource for " + name);
            }
        }
    }

    @Test
    void everyStyleRendersTheTestPhotoAtItsOwnSizes() throws IOException {
        byte[] photo;
        try (InputStream in = StylePackContract.class.getResourceAsStream("test-photo.jpg")) {
            photo = in.readAllBytes();
        }
        for (String s : pack.styleIds()) {
            StyleRenderer.Summary summary = renderer.read(pack, s);
            List<StyleRenderer.Rendered> rendered = renderer.render(pack, s, photo);
            assertEquals(summary.outputs().size(), rendered.size(), s + ": one headshot per output");
            for (int i = 0; i < rendered.size(); i++) {
                StyleRenderer.Output expected = summary.outputs().get(i);
                StyleRenderer.Rendered r = rendered.get(i);
                assertEquals(expected.aspect(), r.aspect());
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.jpeg()));
                assertNotNull(image, s + " " + r.aspect() + " is a readable JPEG");
                assertEquals(expected.width(), image.getWidth(), s + " " + r.aspect() + " width");
                assertEquals(expected.height(), image.getHeight(), s + " " + r.aspect() + " height");
                assertTrue(spread(image) > 20, s + " " + r.aspect() + " is a picture, not a flat field");
            }
        }
    }

    /** The difference between the darkest and brightest of a coarse grid of samples. */
    private static int spread(BufferedImage image) {
        int min = 255;
        int max = 0;
        for (int y = 0; y < image.getHeight(); y += Math.max(1, image.getHeight() / 32)) {
            for (int x = 0; x < image.getWidth(); x += Math.max(1, image.getWidth() / 32)) {
                int rgb = image.getRGB(x, y);
                int luma = (((rgb >> 16) & 0xFF) * 3 + ((rgb >> 8) & 0xFF) * 6 + (rgb & 0xFF)) / 10;
                min = Math.min(min, luma);
                max = Math.max(max, luma);
            }
        }
        return max - min;
    }
}
