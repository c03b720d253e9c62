package io.headroom.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginTrustTest {

    @TempDir
    Path trust;

    @Test
    void anAddedKeyIsStoredUnderItsIdAndReadBack() throws Exception {
        KeyPair author = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        PluginTrust.TrustedKey added = PluginTrust.addKey(trust, PluginTrust.pem(author.getPublic()));
        assertEquals(16, added.id().length());
        assertEquals(added.id() + ".pem", added.file());
        PluginTrust read = PluginTrust.read(trust);
        assertEquals(1, read.keys().size());
        assertEquals(added.id(), read.keys().get(0).id());
        assertEquals(author.getPublic(), read.keys().get(0).key());
        // Adding it again changes nothing.
        PluginTrust.addKey(trust, PluginTrust.pem(author.getPublic()));
        assertEquals(1, PluginTrust.read(trust).keys().size());
    }

    @Test
    void somethingThatIsNotAnEd25519PublicKeyIsRefused() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(rsa.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertThrows(IllegalArgumentException.class, () -> PluginTrust.addKey(trust, pem));
        assertThrows(IllegalArgumentException.class, () -> PluginTrust.addKey(trust, "hello"));
        assertFalse(Files.exists(trust.resolve(PluginTrust.PINS_FILE)));
        assertEquals(0, PluginTrust.read(trust).keys().size());
    }

    @Test
    void pinsAreReadInSha256sumFormatAndPinningTwiceKeepsOneLine() throws Exception {
        String a = "a".repeat(64);
        String b = "B".repeat(64);
        PluginTrust.pin(trust, a, "one.jar (style-one 1.0)");
        PluginTrust.pin(trust, a, "one.jar again");
        Files.writeString(trust.resolve(PluginTrust.PINS_FILE), b + " *two.jar\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        PluginTrust read = PluginTrust.read(trust);
        assertEquals(2, read.pins().size(), read.pins().toString());
        assertTrue(read.pinned(a));
        assertTrue(read.pinned(b.toLowerCase()));
        assertEquals("two.jar", read.pins().get(1).note());
        assertFalse(read.pinned("c".repeat(64)));
    }

    @Test
    void aBrokenPinLineIsNamedNotIgnored() throws Exception {
        Files.writeString(trust.resolve(PluginTrust.PINS_FILE), "not-a-hash plugin.jar\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PluginTrust.read(trust));
        assertTrue(e.getMessage().contains(PluginTrust.PINS_FILE), e.getMessage());
    }

    @Test
    void anAbsentFolderTrustsNobody() {
        assertEquals(PluginTrust.none(), PluginTrust.read(trust.resolve("absent")));
    }
}
