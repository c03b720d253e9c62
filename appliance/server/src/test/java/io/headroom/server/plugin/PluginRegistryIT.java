package io.headroom.server.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.plugin.PluginTrust;
import io.headroom.plugin.PluginVerifier;
import io.headroom.plugin.api.storage.StorageDriver;
import io.headroom.plugin.api.style.StylePack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
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

    @TempDir
    Path work;

    Path staging;
    Path trust;

    @org.junit.jupiter.api.BeforeEach
    void folders() {
        staging = work.resolve("staging");
        trust = work.resolve("trust");
    }

    @Test
    void aBrokenPluginIsReportedAndTheOthersStillLoad() throws Exception {
        Files.copy(built("headroom-storage-localfs"), plugins.resolve("storage-localfs.jar"));
        Files.write(plugins.resolve("aaa-broken.jar"), "not a jar at all".getBytes());

        PluginRegistry registry = new PluginRegistry();
        registry.start(plugins, staging, PluginVerifier.descriptorsOnly());
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
        registry.start(plugins, staging, PluginVerifier.descriptorsOnly());
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
        registry.start(plugins, staging, PluginVerifier.descriptorsOnly());
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
        registry.start(plugins, staging, PluginVerifier.descriptorsOnly());
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
        m.getMainAttributes().putValue("Plugin-Kind", "style-pack");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(plugins.resolve("nolicence.jar")), m)) {
            out.putNextEntry(new java.util.jar.JarEntry("x.txt"));
        }
        PluginRegistry registry = new PluginRegistry();
        registry.start(plugins, staging, PluginVerifier.descriptorsOnly());
        try {
            PluginRegistry.PluginInfo failed = registry.list().get(0);
            assertEquals("failed", failed.state());
            assertEquals("no-licence", failed.id());
            assertTrue(failed.problem().contains("Plugin-License"), failed.problem());
        } finally {
            registry.stop();
        }
    }

    @Test
    void anUnsignedCopyOfAShippedPluginIsRefusedByDefaultThenLetInByAPinnedHashOrATrustedKey() throws Exception {
        Path jar = Files.copy(built("headroom-style-corporate"), plugins.resolve("corporate.jar"));
        PluginRegistry registry = new PluginRegistry();
        registry.start(plugins, staging, PluginVerifier.of(true, trust));
        try {
            PluginRegistry.PluginInfo refused = registry.list().get(0);
            assertEquals("failed", refused.state());
            assertEquals("style-corporate", refused.id(), "listed with what its descriptor says");
            assertTrue(refused.problem().contains("no signature") && refused.problem().contains("not pinned"), refused.problem());
            assertEquals(List.of(), registry.extensions(StylePack.class));

            PluginTrust.pin(trust, sha256(jar), "corporate.jar");
            registry.reload();
            PluginRegistry.PluginInfo pinned = registry.list().get(0);
            assertEquals("started", pinned.state(), pinned.toString());
            assertEquals("pinned by its SHA-256", pinned.trust());
            assertEquals(sha256(jar), pinned.sha256());
            assertEquals(1, registry.trust().pinnedJars().size());
        } finally {
            registry.stop();
        }

        // The same jar signed by an author whose key the operator trusts.
        Files.delete(trust.resolve(PluginTrust.PINS_FILE));
        KeyPair author = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.write(plugins.resolve("corporate.jar.sig"), io.headroom.plugin.PluginSigner.sign(author.getPrivate(), jar));
        PluginRegistry again = new PluginRegistry();
        again.start(plugins, staging, PluginVerifier.of(true, trust));
        try {
            assertEquals("failed", again.list().get(0).state(), "signed, but by nobody trusted");
            assertTrue(again.list().get(0).problem().contains("not by a trusted key"), again.list().get(0).problem());
            PluginTrust.TrustedKey key = PluginTrust.addKey(trust, PluginTrust.pem(author.getPublic()));
            // Trust is read afresh; a refused jar is tried again at every reload.
            assertEquals(List.of("style-corporate"), again.reload().loaded());
            assertEquals("signed by key " + key.id(), again.list().get(0).trust());
            assertEquals(List.of(new PluginRegistry.TrustedKey(key.id(), key.id() + ".pem")), again.trust().trustedKeys());
        } finally {
            again.stop();
        }
    }

    @Test
    void aJarSwappedOnDiskAfterVerificationIsNotWhatRuns() throws Exception {
        KeyPair author = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        PluginTrust.addKey(trust, PluginTrust.pem(author.getPublic()));
        Path jar = Files.copy(built("headroom-style-corporate"), plugins.resolve("pack.jar"));
        Files.write(plugins.resolve("pack.jar.sig"), io.headroom.plugin.PluginSigner.sign(author.getPrivate(), jar));
        PluginRegistry registry = new PluginRegistry();
        registry.start(plugins, staging, PluginVerifier.of(true, trust));
        try {
            // Someone with write access to plugins/ swaps the verified jar for other code.
            Files.copy(built("headroom-style-creative"), jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            // The pack's classes are loaded only now, and from the verified copy, not from the swapped file.
            assertEquals(List.of("corporate"), registry.extensions(StylePack.class).stream().map(StylePack::id).toList());
            String loadedFrom = registry.extensions(StylePack.class).get(0).getClass().getProtectionDomain().getCodeSource().getLocation().getPath();
            assertTrue(Path.of(loadedFrom).startsWith(staging), loadedFrom);

            // At the next reload the swapped bytes are verified like any jar, and refused.
            PluginRegistry.ReloadResult r = registry.reload();
            assertEquals(List.of("style-corporate"), r.unloaded());
            assertEquals(List.of("pack.jar"), r.failed());
            assertTrue(registry.list().get(0).problem().contains("not by a trusted key"), registry.list().get(0).problem());
            assertEquals(List.of(), registry.extensions(StylePack.class));
        } finally {
            registry.stop();
        }
    }

    @Test
    void aStylePackMayNotShipAStorageDriver() throws Exception {
        rewritten(built("headroom-storage-localfs"), plugins.resolve("pretty-styles.jar"),
                java.util.Map.of("Plugin-Id", "style-pretty", "Plugin-Kind", "style-pack"));
        PluginRegistry registry = new PluginRegistry();
        registry.start(plugins, staging, PluginVerifier.descriptorsOnly());
        try {
            assertEquals(List.of(), registry.extensions(StorageDriver.class));
            PluginRegistry.PluginInfo refused = registry.list().get(0);
            assertEquals("failed", refused.state());
            assertTrue(refused.problem().contains("declares itself a style-pack but contributes a storage-driver"), refused.problem());
        } finally {
            registry.stop();
        }
    }

    @Test
    void twoDriversWithOneIdRefuseToBeChosen() throws Exception {
        Files.copy(built("headroom-storage-localfs"), plugins.resolve("storage-localfs.jar"));
        rewritten(built("headroom-storage-localfs"), plugins.resolve("shadow.jar"), java.util.Map.of("Plugin-Id", "storage-shadow"));
        PluginRegistry registry = new PluginRegistry();
        registry.start(plugins, staging, PluginVerifier.descriptorsOnly());
        try {
            List<io.headroom.storage.DriverChoice.Offered> offered = registry.contributions(StorageDriver.class).stream()
                    .map(c -> new io.headroom.storage.DriverChoice.Offered(c.pluginId(), c.extension())).toList();
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> io.headroom.storage.DriverChoice.choose(offered, "localfs", List.of()));
            assertTrue(e.getMessage().contains("Two storage drivers have the id 'localfs'") && e.getMessage().contains("storage-localfs")
                    && e.getMessage().contains("storage-shadow"), e.getMessage());
        } finally {
            registry.stop();
        }
    }

    /** A copy of {@code source} whose descriptor says otherwise. */
    private static void rewritten(Path source, Path target, java.util.Map<String, String> changes) throws Exception {
        try (java.util.jar.JarFile in = new java.util.jar.JarFile(source.toFile())) {
            java.util.jar.Manifest m = new java.util.jar.Manifest(in.getManifest());
            changes.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
            try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(target), m)) {
                for (java.util.Enumeration<java.util.jar.JarEntry> e = in.entries(); e.hasMoreElements(); ) {
                    java.util.jar.JarEntry entry = e.nextElement();
                    if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    out.putNextEntry(new java.util.jar.JarEntry(entry.getName()));
                    try (java.io.InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                }
            }
        }
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static Path built(String artifact) throws Exception {
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("headroom.it.plugins", "target/it-plugins")))) {
            return jars.filter(p -> p.getFileName().toString().startsWith(artifact) && p.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
    }

    @Test
    void noPluginsFolderMeansNoExtensionsNotACrash() {
        PluginRegistry registry = new PluginRegistry();
        registry.start(plugins.resolve("missing"), staging, PluginVerifier.descriptorsOnly());
        assertEquals(List.of(), registry.extensions(StorageDriver.class));
        registry.stop();
    }
}
