package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.plugin.PluginTrust;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private String run(String... args) {
        printed.reset();
        new PluginsCommand(new PrintStream(printed, true, StandardCharsets.UTF_8), dir.resolve("plugins"),
                Map.of("headroom.plugins.trusted-keys", dir.resolve("trust").toString())).run(List.of(args));
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnsignedJarIsListedAsRefusedUntilTheOperatorPinsIt() throws Exception {
        Path jar = jar(Files.createDirectories(dir.resolve("plugins")).resolve("studio-pack.jar"));
        String before = run("list");
        assertTrue(before.contains("studio-pack.jar: REFUSED") && before.contains("no signature"), before);
        assertTrue(before.contains("signatures required"), before);

        String pinned = run("trust", jar.toString());
        assertTrue(pinned.contains("Pinned studio-pack.jar (style-studio 2.0.0)"), pinned);

        String after = run("list");
        assertTrue(after.contains("studio-pack.jar: style-studio 2.0.0, style-pack, pinned by its SHA-256"), after);
        assertEquals(1, PluginTrust.read(dir.resolve("trust")).pins().size());
    }

    @Test
    void anAuthorsKeyIsTrustedUnderItsIdAndAnythingElseIsRefused() throws Exception {
        KeyPair author = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path pem = Files.writeString(dir.resolve("author.pem"), PluginTrust.pem(author.getPublic()));
        String said = run("trust-key", pem.toString());
        String id = PluginTrust.keyId(author.getPublic());
        assertTrue(said.contains("Trusted plugin key " + id), said);
        assertTrue(Files.exists(dir.resolve("trust").resolve(id + ".pem")));
        assertTrue(run("list").contains("Trusted keys in " + dir.resolve("trust") + ": " + id));

        Path junk = Files.writeString(dir.resolve("junk.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        CliException e = assertThrows(CliException.class, () -> run("trust-key", junk.toString()));
        assertTrue(e.getMessage().contains("not an Ed25519 public key"), e.getMessage());
        assertEquals(1, PluginTrust.read(dir.resolve("trust")).keys().size());
        assertThrows(CliException.class, () -> run("trust"));
    }

    private static Path jar(Path jar) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Map.of("Plugin-Id", "style-studio", "Plugin-Version", "2.0.0", "Plugin-Requires", ">=1.1.0", "Plugin-License", "MIT",
                "Plugin-Kind", "style-pack").forEach((k, v) -> m.getMainAttributes().putValue(k, v));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.putNextEntry(new java.util.jar.JarEntry("styles.txt"));
        }
        return jar;
    }
}
