package io.headroom.server.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.plugin.api.storage.StorageDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry loads the real local filesystem plugin jar (built by the project, so this runs
 * after packaging) and keeps going past a broken one. No server needed.
 */
class PluginRegistryIT {

    @TempDir
    Path plugins;

    @Test
    void aBrokenPluginIsReportedAndTheOthersStillLoad() throws Exception {
        Path built;
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("headroom.it.plugins", "target/it-plugins")))) {
            built = jars.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        Files.copy(built, plugins.resolve("storage-localfs.jar"));
        Files.write(plugins.resolve("aaa-broken.jar"), "not a jar at all".getBytes());

        PluginRegistry registry = new PluginRegistry();
        registry.start(plugins);
        try {
            List<StorageDriver> drivers = registry.extensions(StorageDriver.class);
            assertEquals(List.of("localfs"), drivers.stream().map(StorageDriver::id).toList());
            assertEquals(1, registry.failures().size(), registry.failures().toString());
            assertTrue(registry.failures().get(0).contains("aaa-broken.jar"));
            // The driver class comes from the plugin's own class loader, the API from the application's.
            assertTrue(drivers.get(0).getClass().getClassLoader() != StorageDriver.class.getClassLoader());
        } finally {
            registry.stop();
        }
    }

    @Test
    void noPluginsFolderMeansNoExtensionsNotACrash() {
        PluginRegistry registry = new PluginRegistry();
        registry.start(plugins.resolve("missing"));
        assertEquals(List.of(), registry.extensions(StorageDriver.class));
        registry.stop();
    }
}
