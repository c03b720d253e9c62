package io.headroom.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadroomConfigFileTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(HeadroomConfigFile.LOCATION_PROPERTY);
    }

    @Test
    void readsTheInstallationFileBelowEnvironmentAndSystemProperties() throws Exception {
        Path file = dir.resolve("headroom.properties");
        Files.writeString(file, "# comment\nheadroom.retention = PT2H \nheadroom.sessions.open=false\n");
        System.setProperty(HeadroomConfigFile.LOCATION_PROPERTY, file.toString());
        HeadroomConfigFile source = new HeadroomConfigFile();
        assertEquals("PT2H", source.getValue("headroom.retention"));
        assertEquals("false", source.getValue("headroom.sessions.open"));
        assertNull(source.getValue("headroom.keys.dir"));
        assertTrue(source.getOrdinal() > 100 && source.getOrdinal() < 300, "above built-in defaults, below the environment");
    }

    @Test
    void noFileNoValues() {
        System.setProperty(HeadroomConfigFile.LOCATION_PROPERTY, dir.resolve("missing.properties").toString());
        assertTrue(new HeadroomConfigFile().getPropertyNames().isEmpty());
        System.clearProperty(HeadroomConfigFile.LOCATION_PROPERTY);
        assertTrue(new HeadroomConfigFile().getPropertyNames().isEmpty());
    }
}
