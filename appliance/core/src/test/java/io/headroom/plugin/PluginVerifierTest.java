package io.headroom.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginVerifierTest {

    private static final Map<String, String> COMPLETE = Map.of("Plugin-Id", "style-test", "Plugin-Version", "1.2.0",
            "Plugin-Requires", ">=1.1.0 & <2.0.0", "Plugin-License", "Apache-2.0", "Plugin-Provider", "A studio",
            "Plugin-Kind", "style-pack");

    @TempDir
    Path dir;

    Path staging;
    Path trust;

    @BeforeEach
    void folders() throws Exception {
        staging = Files.createDirectories(dir.resolve("staging"));
        trust = dir.resolve("trust");
    }

    @Test
    void aCompleteDescriptorIsReadAndTheCopyHoldsTheBytesThatWereChecked() throws Exception {
        Path jar = jar("ok.jar", COMPLETE);
        PluginVerifier.Verified v = PluginVerifier.descriptorsOnly().stage(jar, staging);
        assertEquals("style-test", v.descriptor().id());
        assertEquals("1.2.0", v.descriptor().version());
        assertEquals("Apache-2.0", v.descriptor().licence());
        assertEquals("A studio", v.descriptor().provider());
        assertEquals(PluginKind.STYLE_PACK, v.kind());
        assertEquals("not checked: signatures are not required", v.trust());
        assertEquals(staging, v.copy().getParent());
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(v.copy()));
        assertEquals(sha256(jar), v.sha256());
    }

    @Test
    void aDescriptorWithoutLicenceApiVersionOrKindIsRejectedByNameAndLeavesNothing() throws Exception {
        Map<String, String> partial = new java.util.HashMap<>(COMPLETE);
        partial.remove("Plugin-License");
        partial.remove("Plugin-Requires");
        partial.remove("Plugin-Kind");
        PluginVerifier.Rejected r = assertThrows(PluginVerifier.Rejected.class,
                () -> PluginVerifier.descriptorsOnly().stage(jar("partial.jar", partial), staging));
        assertTrue(r.getMessage().contains("Plugin-Requires") && r.getMessage().contains("Plugin-License")
                && r.getMessage().contains("Plugin-Kind"), r.getMessage());
        assertEquals("style-test", r.descriptor().id(), "what the descriptor did say is kept for the operator's list");
        assertStagingEmpty();
    }

    @Test
    void aKindThatIsNeitherStylePackNorStorageDriverIsRejected() throws Exception {
        Map<String, String> odd = new java.util.HashMap<>(COMPLETE);
        odd.put("Plugin-Kind", "everything");
        PluginVerifier.Rejected r = assertThrows(PluginVerifier.Rejected.class,
                () -> PluginVerifier.descriptorsOnly().stage(jar("odd.jar", odd), staging));
        assertTrue(r.getMessage().contains("style-pack or storage-driver"), r.getMessage());
        assertStagingEmpty();
    }

    @Test
    void somethingThatIsNotAJarIsRejected() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.jar"), "not a jar");
        assertThrows(PluginVerifier.Rejected.class, () -> PluginVerifier.descriptorsOnly().stage(junk, staging));
        assertStagingEmpty();
    }

    @Test
    void withSignaturesRequiredOnlyAJarSignedByATrustedKeyPasses() throws Exception {
        KeyPair trusted = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        PluginTrust.TrustedKey key = PluginTrust.addKey(trust, PluginTrust.pem(trusted.getPublic()));
        PluginVerifier verifier = PluginVerifier.of(true, trust);

        Path good = jar("good.jar", COMPLETE);
        sign(good, trusted);
        assertEquals("signed by key " + key.id(), verifier.stage(good, staging).trust());

        Path unsigned = jar("unsigned.jar", COMPLETE);
        PluginVerifier.Rejected r = assertThrows(PluginVerifier.Rejected.class, () -> verifier.stage(unsigned, staging));
        assertTrue(r.getMessage().contains("no signature"), r.getMessage());
        assertEquals("style-test", r.descriptor().id());

        Path foreign = jar("foreign.jar", COMPLETE);
        sign(foreign, stranger);
        assertTrue(assertThrows(PluginVerifier.Rejected.class, () -> verifier.stage(foreign, staging)).getMessage()
                .contains("not by a trusted key"));

        Path tampered = jar("tampered.jar", COMPLETE);
        sign(tampered, trusted);
        try (OutputStream out = Files.newOutputStream(tampered, java.nio.file.StandardOpenOption.APPEND)) {
            out.write(0);
        }
        assertThrows(PluginVerifier.Rejected.class, () -> verifier.stage(tampered, staging));
        try (Stream<Path> left = Files.list(staging)) {
            assertEquals(1, left.count(), "only the good jar's copy stays");
        }
    }

    @Test
    void aPinnedHashLetsOneUnsignedJarInAndTrustIsReadAfreshForEachJar() throws Exception {
        PluginVerifier verifier = PluginVerifier.of(true, trust);
        Path unsigned = jar("unsigned.jar", COMPLETE);
        assertThrows(PluginVerifier.Rejected.class, () -> verifier.stage(unsigned, staging), "no key, no pin: refused, not a start-up error");

        PluginTrust.pin(trust, sha256(unsigned), "unsigned.jar");
        assertEquals("pinned by its SHA-256", verifier.stage(unsigned, staging).trust());

        Path other = jar("other.jar", Map.of("Plugin-Id", "style-other", "Plugin-Version", "1", "Plugin-Requires", "1.0.0",
                "Plugin-License", "MIT", "Plugin-Kind", "style-pack"));
        assertThrows(PluginVerifier.Rejected.class, () -> verifier.stage(other, staging), "a pin is for one jar's bytes");
    }

    private void assertStagingEmpty() throws Exception {
        try (Stream<Path> left = Files.list(staging)) {
            assertEquals(0, left.count());
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private Path jar(String name, Map<String, String> attributes) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
            out.write(("a plugin called " + name).getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void sign(Path jar, KeyPair key) throws Exception {
        Files.write(jar.resolveSibling(jar.getFileName() + ".sig"), PluginSigner.sign(key.getPrivate(), jar));
    }
}
