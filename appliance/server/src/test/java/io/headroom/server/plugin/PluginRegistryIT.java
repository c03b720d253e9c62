package io.headroom.server.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.plugin.api.storage.StorageDriver;
import io.headroom.plugin.api.style.StylePack;
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
        Files.copy(built("headroom-storage-localfs"), plugins.resolve("storage-localfs.jar"));
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
    void packsAddedAndRemovedWhileRunningArePickedUpByAReload() throws Exception {
        PluginRegistry registry = new PluginRegistry();
        registry.start(plugins);
        try {
            assertEquals(List.of(), registry.extensions(StylePack.class));
            Files.copy(built("headroom-style-corporate"), plugins.resolve("corporate.jar"));
            PluginRegistry.ReloadResult added = registry.reload();
            assertEquals(List.of("style-corporate"), added.loaded());
            assertEquals(List.of("corporate"), registry.extensions(StylePack.class).stream().map(StylePack::id).toList());
            PluginRegistry.PluginInfo info = registry.list().get(0);
            assertEquals("style-corporate", info.id());
            assertEquals("started", info.state());
            assertEquals("Apache-2.0", info.licence());
            assertEquals("Headroom", info.provider());

            Files.delete(plugins.resolve("corporate.jar"));
            assertEquals(List.of("style-corporate"), registry.reload().unloaded());
            assertEquals(List.of(), registry.extensions(StylePack.class));
            assertEquals(List.of(), registry.list());
        } finally {
            registry.stop();
        }
    }

    @Test
    void aPackInUseByAJobIsUnloadedOnlyWhenTheJobLetsGo() throws Exception {
        Files.copy(built("headroom-style-creative"), plugins.resolve("creative.jar"));
        PluginRegistry registry = new PluginRegistry();
        registry.start(plugins);
        try {
            StylePack pack = registry.extensions(StylePack.class).get(0);
            PluginRegistry.Lease job = registry.lease("style-creative");
            Files.delete(plugins.resolve("creative.jar"));
            PluginRegistry.ReloadResult removed = registry.reload();
            assertEquals(List.of("style-creative"), removed.deferred());
            assertEquals(List.of(), registry.extensions(StylePack.class), "no new job gets it");
            assertEquals("unloading", registry.list().get(0).state());
            // The running job still uses the pack's code.
            assertTrue(pack.hook("warm-film").isPresent());
            job.close();
            assertEquals(List.of(), registry.list(), "gone once the job let go");
        } finally {
            registry.stop();
        }
    }

    @Test
    void disabledTxtKeepsAPluginLoadedButNotStarted() throws Exception {
        Files.copy(built("headroom-style-corporate"), plugins.resolve("corporate.jar"));
        Files.writeString(plugins.resolve("disabled.txt"), "style-corporate\n");
        PluginRegistry registry = new PluginRegistry();
        registry.start(plugins);
        try {
            assertEquals(List.of(), registry.extensions(StylePack.class));
            assertEquals("disabled", registry.list().get(0).state());
            assertEquals("style-corporate\n", Files.readString(plugins.resolve("disabled.txt")), "the operator's file is left as it was");
        } finally {
            registry.stop();
        }
    }

    @Test
    void aJarWithoutALicenceInItsDescriptorIsRefusedByName() throws Exception {
        java.util.jar.Manifest m = new java.util.jar.Manifest();
        m.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Plugin-Id", "no-licence");
        m.getMainAttributes().putValue("Plugin-Version", "1.0.0");
        m.getMainAttributes().putValue("Plugin-Requires", ">=1.0.0");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(plugins.resolve("nolicence.jar")), m)) {
            out.putNextEntry(new java.util.jar.JarEntry("x.txt"));
        }
        PluginRegistry registry = new PluginRegistry();
        registry.start(plugins);
        try {
            PluginRegistry.PluginInfo failed = registry.list().get(0);
            assertEquals("failed", failed.state());
            assertEquals("no-licence", failed.id());
            assertTrue(failed.problem().contains("Plugin-License"), failed.problem());
        } finally {
            registry.stop();
        }
    }

    private static Path built(String artifact) throws Exception {
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("headroom.it.plugins", "target/it-plugins")))) {
            return jars.filter(p -> p.getFileName().toString().startsWith(artifact) && p.toString().endsWith(".jar")).findFirst().orElseThrow();
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
