package io.headroom.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The shipped config/headroom.properties documents exactly the defaults the code uses. */
class DocumentedDefaultsTest {

    @Test
    void shippedConfigurationMatchesCodeDefaults() throws Exception {
        Map<String, String> inCode = new TreeMap<>();
        for (Field f : HeadroomSettings.class.getDeclaredFields()) {
            ConfigProperty p = f.getAnnotation(ConfigProperty.class);
            if (p != null && !p.defaultValue().equals(ConfigProperty.UNCONFIGURED_VALUE)) {
                inCode.put(p.name(), p.defaultValue());
            }
        }
        Properties shipped = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("../../config/headroom.properties"))) {
            shipped.load(r);
        }
        Map<String, String> inFile = new TreeMap<>();
        shipped.stringPropertyNames().forEach(k -> inFile.put(k, shipped.getProperty(k)));
        assertEquals(inCode, inFile);
        inCode.keySet().forEach(k -> assertTrue(k.startsWith("headroom."), k));
        String text = Files.readString(Path.of("../../config/headroom.properties"));
        for (Field f : HeadroomSettings.class.getDeclaredFields()) {
            ConfigProperty p = f.getAnnotation(ConfigProperty.class);
            if (p != null && p.defaultValue().equals(ConfigProperty.UNCONFIGURED_VALUE)) {
                assertTrue(text.contains("#" + p.name() + "="), "optional " + p.name() + " is shown commented out");
            }
        }
    }

    @Test
    void everyKeyIsDocumentedInTheOperatorGuide() throws Exception {
        String guide = Files.readString(Path.of("../../docs/configuration.md"));
        for (Field f : HeadroomSettings.class.getDeclaredFields()) {
            ConfigProperty p = f.getAnnotation(ConfigProperty.class);
            if (p != null) {
                assertTrue(guide.contains("`" + p.name() + "`"), p.name() + " is missing from docs/configuration.md");
            }
        }
    }
}
