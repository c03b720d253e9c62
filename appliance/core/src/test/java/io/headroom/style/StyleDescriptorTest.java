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
    void badDescriptorsAreRefusedWithAReason() {
        String good = new String(readNatural(), StandardCharsets.UTF_8);
        assertThrows(Exception.class, () -> read(good.replace("\"contrast\": 0.12", "\"contrast\": 3")));
        assertThrows(Exception.class, () -> read(good.replace("studio-seamless", "wallpaper")));
        assertThrows(Exception.class, () -> read(good.replace("\"natural\"", "\"Not An Id\"")));
        assertThrows(Exception.class, () -> read(good.replace("\"retouch\"", "\"unknownKey\": 1, \"retouch\"")));
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
