package io.headroom.server.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The installation's {@code config/headroom.properties}, named by the launcher through the
 * system property {@code headroom.config.file}.
 *
 * <p>Ordinal 150: above the defaults compiled into the application (100), below environment
 * variables (300) and system properties (400), so {@code HEADROOM_RETENTION=PT1H} beats the file.
 */
public final class HeadroomConfigFile implements ConfigSource {

    public static final String LOCATION_PROPERTY = "headroom.config.file";
    private static final int ORDINAL = 150;

    private final Map<String, String> values;

    public HeadroomConfigFile() {
        String location = System.getProperty(LOCATION_PROPERTY);
        this.values = location == null || location.isBlank() ? Map.of() : read(Path.of(location));
    }

    private static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the configuration file " + file, e);
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).trim()));
        return Collections.unmodifiableMap(m);
    }

    @Override
    public Map<String, String> getProperties() {
        return values;
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "headroom.properties";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
