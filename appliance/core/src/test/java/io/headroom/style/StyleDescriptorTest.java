package io.headroom.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.matte.Backdrop;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StyleDescriptorTest {

    @Test
    void theBuiltInNaturalStyleIsData() {
        StyleDescriptor natural = StyleDescriptor.natural();
        assertEquals("natural", natural.id());
        assertEquals(0.42, natural.framing().eyeLine());
        assertTrue(natural.backdrop().backdrop() instanceof Backdrop.StudioSeamless, "studio-grey seamless");
        assertEquals(java.util.List.of("1:1", "4:5"), natural.aspects());
    }

    @Test
    void theNaturalLutIsAGentleWarmNeutral() {
        io.headroom.grade.CubeLut lut = Look.builtInLut(StyleDescriptor.natural().grade().lut());
        assertEquals(17, lut.size());
        float[] out = new float[3];
        for (float v = 0; v <= 1; v += 0.125f) {
            lut.lookup(v, v, v, out);
            for (float c : out) {
                assertTrue(Math.abs(c - v) < 0.05f, "grey " + v + " stays near itself: " + c);
            }
        }
        lut.lookup(0.5f, 0.5f, 0.5f, out);
        assertTrue(out[0] > out[2], "mid grey leans warm: " + java.util.Arrays.toString(out));
        lut.lookup(0, 0, 0, out);
        assertTrue(out[0] > 0, "blacks are lifted a little, never crushed");
    }

    @Test
    void aLookWithoutTheLutItsDescriptorNamesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Look(StyleDescriptor.natural(), null));
    }

    @Test
    void badDescriptorsAreRefusedWithAReason() {
        String good = new String(readNatural(), StandardCharsets.UTF_8);
        assertThrows(Exception.class, () -> read(good.replace("\"contrast\": 0.12", "\"contrast\": 3")));
        assertThrows(Exception.class, () -> read(good.replace("studio-seamless", "wallpaper")));
        assertThrows(Exception.class, () -> read(good.replace("\"natural\"", "\"Not An Id\"")));
        assertThrows(Exception.class, () -> read(good.replace("\"retouch\"", "\"unknownKey\": 1, \"retouch\"")));
    }

    @Test
    void aStyleMayLeaveTheSelfiePerspectiveAsTaken() throws Exception {
        String good = new String(readNatural(), StandardCharsets.UTF_8);
        assertTrue(StyleDescriptor.natural().correctsPerspective(), "corrected unless a style says otherwise");
        assertEquals(false, read(good.replace("\"retouch\"", "\"perspectiveCorrection\": false, \"retouch\"")).correctsPerspective());
        assertTrue(read(good.replace("\"retouch\"", "\"perspectiveCorrection\": true, \"retouch\"")).correctsPerspective());
        assertThrows(Exception.class, () -> read(good.replace("\"retouch\"", "\"perspectiveCorrection\": \"maybe\", \"retouch\"")));
    }

    private static byte[] readNatural() {
        try (var in = StyleDescriptor.class.getResourceAsStream("natural.json")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static StyleDescriptor read(String json) throws Exception {
        return StyleDescriptor.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
