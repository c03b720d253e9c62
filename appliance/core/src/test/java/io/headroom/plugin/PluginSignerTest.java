package io.headroom.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginSignerTest {

    @TempDir
    Path dir;

    @Test
    void withoutAReleaseKeyAThrowawayKeyIsMadeOnceSignsEveryJarAndIsTrusted() throws Exception {
        Path jars = Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(jars.resolve("a.jar"), "first");
        Files.writeString(jars.resolve("b.jar"), "second");
        Path throwaway = dir.resolve("build/signing-key.pem");
        Path trust = dir.resolve("config/plugin-keys");

        PluginSigner.main(new String[] {"--throwaway=" + throwaway, "--jars=" + jars, "--trust=" + trust, "--public=" + dir.resolve("pub.pem")});
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(throwaway)));
        String keyBefore = Files.readString(throwaway);
        PluginSigner.main(new String[] {"--release-key=${headroom.release.key}", "--throwaway=" + throwaway, "--jars=" + jars, "--trust=" + trust});
        assertEquals(keyBefore, Files.readString(throwaway), "the throwaway key is kept for the next build");

        PluginTrust trusted = PluginTrust.read(trust);
        assertEquals(1, trusted.keys().size());
        assertEquals(PluginTrust.pem(trusted.keys().get(0).key()), Files.readString(dir.resolve("pub.pem")));
        for (String jar : new String[] {"a.jar", "b.jar"}) {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(trusted.keys().get(0).key());
            s.update(Files.readAllBytes(jars.resolve(jar)));
            assertTrue(s.verify(Files.readAllBytes(jars.resolve(jar + ".sig"))), jar);
        }
    }

    @Test
    void aReleaseKeyInPkcs8PemSignsAndItsPublicHalfIsDerived() throws Exception {
        java.security.KeyPair release = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = dir.resolve("release.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(release.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Path jars = Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(jars.resolve("a.jar"), "content");
        Path trust = dir.resolve("trust");
        // An earlier build's throwaway key in the same installation is no longer trusted.
        PluginSigner.main(new String[] {"--throwaway=" + dir.resolve("earlier.pem"), "--jars=" + jars, "--trust=" + trust});
        PluginSigner.main(new String[] {"--release-key=" + key, "--throwaway=" + dir.resolve("unused.pem"), "--jars=" + jars, "--trust=" + trust});
        assertEquals(1, PluginTrust.read(trust).keys().size());
        assertEquals(release.getPublic(), PluginTrust.read(trust).keys().get(0).key());
        assertTrue(Files.notExists(dir.resolve("unused.pem")));
    }
}
