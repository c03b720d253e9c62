package io.headroom.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginVerifierTest {

    private static final Map<String, String> COMPLETE = Map.of("Plugin-Id", "style-test", "Plugin-Version", "1.2.0",
            "Plugin-Requires", ">=1.1.0 & <2.0.0", "Plugin-License", "Apache-2.0", "Plugin-Provider", "A studio");

    @TempDir
    Path dir;

    @Test
    void aCompleteDescriptorIsRead() throws Exception {
        PluginVerifier.Descriptor d = PluginVerifier.descriptorsOnly().verify(jar("ok.jar", COMPLETE));
        assertEquals("style-test", d.id());
        assertEquals("1.2.0", d.version());
        assertEquals("Apache-2.0", d.licence());
        assertEquals("A studio", d.provider());
    }

    @Test
    void aDescriptorWithoutLicenceOrApiVersionIsRejectedByName() throws Exception {
        Map<String, String> partial = new java.util.HashMap<>(COMPLETE);
        partial.remove("Plugin-License");
        partial.remove("Plugin-Requires");
        PluginVerifier.Rejected r = assertThrows(PluginVerifier.Rejected.class,
                () -> PluginVerifier.descriptorsOnly().verify(jar("partial.jar", partial)));
        assertTrue(r.getMessage().contains("Plugin-Requires") && r.getMessage().contains("Plugin-License"), r.getMessage());
    }

    @Test
    void somethingThatIsNotAJarIsRejected() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.jar"), "not a jar");
        assertThrows(PluginVerifier.Rejected.class, () -> PluginVerifier.descriptorsOnly().verify(junk));
    }

    @Test
    void withSignaturesRequiredOnlyAJarSignedByATrustedKeyPasses() throws Exception {
        KeyPair trusted = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path keys = Files.createDirectories(dir.resolve("keys"));
        Files.writeString(keys.resolve("studio.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(trusted.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
        PluginVerifier verifier = PluginVerifier.signaturesRequired(keys);

        Path good = jar("good.jar", COMPLETE);
        sign(good, trusted);
        assertEquals("style-test", verifier.verify(good).id());

        Path unsigned = jar("unsigned.jar", COMPLETE);
        assertTrue(assertThrows(PluginVerifier.Rejected.class, () -> verifier.verify(unsigned)).getMessage().contains("no signature"));

        Path foreign = jar("foreign.jar", COMPLETE);
        sign(foreign, stranger);
        assertTrue(assertThrows(PluginVerifier.Rejected.class, () -> verifier.verify(foreign)).getMessage().contains("not by a trusted key"));

        Path tampered = jar("tampered.jar", COMPLETE);
        sign(tampered, trusted);
        try (OutputStream out = Files.newOutputStream(tampered, java.nio.file.StandardOpenOption.APPEND)) {
            out.write(0);
        }
        assertThrows(PluginVerifier.Rejected.class, () -> verifier.verify(tampered));
    }

    @Test
    void requiringSignaturesWithoutATrustedKeyIsAConfigurationError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PluginVerifier.signaturesRequired(dir.resolve("none")));
        assertTrue(e.getMessage().contains("no trusted key"), e.getMessage());
    }

    private Path jar(String name, Map<String, String> attributes) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
            out.write("a plugin".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void sign(Path jar, KeyPair key) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key.getPrivate());
        s.update(Files.readAllBytes(jar));
        Files.write(jar.resolveSibling(jar.getFileName() + ".sig"), s.sign());
    }
}
