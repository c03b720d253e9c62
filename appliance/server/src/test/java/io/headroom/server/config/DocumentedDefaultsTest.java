package io.headroom.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.config.ConfigKeys;
import io.headroom.config.Setting;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The shipped config/headroom.properties and the operator guide document exactly the registry's keys and defaults. */
class DocumentedDefaultsTest {

    @Test
    void shippedConfigurationMatchesCodeDefaults() throws Exception {
        Map<String, String> inCode = new TreeMap<>();
        for (Setting<?> s : ConfigKeys.ALL) {
            if (!s.optional()) {
                inCode.put(s.key(), s.defaultValue());
            }
        }
        Properties shipped = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("../../config/headroom.properties"))) {
            shipped.load(r);
        }
        Map<String, String> inFile = new TreeMap<>();
        shipped.stringPropertyNames().forEach(k -> inFile.put(k, shipped.getProperty(k)));
        assertEquals(inCode, inFile);
        String text = Files.readString(Path.of("../../config/headroom.properties"));
        for (Setting<?> s : ConfigKeys.ALL) {
            if (s.optional()) {
                assertTrue(text.contains("#" + s.key() + "="), "optional " + s.key() + " is shown commented out");
            }
        }
    }

    @Test
    void everyKeyIsDocumentedInTheOperatorGuide() throws Exception {
        String guide = Files.readString(Path.of("../../docs/configuration.md"));
        for (Setting<?> s : ConfigKeys.ALL) {
            assertTrue(guide.contains("`" + s.key() + "`"), s.key() + " is missing from docs/configuration.md");
        }
    }

    @Test
    void theDefaultsReadAndABadValueStopsTheStartNamingItsKey() {
        HeadroomSettings defaults = new HeadroomSettings();
        defaults.read(key -> Optional.empty());
        assertEquals(92, defaults.jpegQuality());
        assertEquals("", defaults.outputComment());
        assertEquals(2, defaults.aspects().size());

        HeadroomSettings set = new HeadroomSettings();
        set.read(key -> Optional.ofNullable(Map.of("headroom.output.jpeg-quality", " 80 ", "headroom.output.comment", "studio").get(key)));
        assertEquals(80, set.jpegQuality());
        assertEquals("studio", set.outputComment());

        for (Map.Entry<String, String> bad : Map.of("headroom.output.jpeg-quality", "101", "headroom.guard.window", "ten minutes",
                "headroom.retention.key-epoch", "PT30S", "headroom.sessions.open", "yes", "headroom.intake.max-file-size", "huge",
                "headroom.intake.decode-budget-pixels", "1000").entrySet()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new HeadroomSettings().read(key -> Optional.ofNullable(key.equals(bad.getKey()) ? bad.getValue() : null)));
            assertTrue(e.getMessage().startsWith(bad.getKey()), bad + ": " + e.getMessage());
        }
    }
}
