package io.headroom.receipt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    private static final Instant INSTALLED = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant ROTATED = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path keys;

    private static Map<String, Object> receipt(SigningKeys with, String deletedAt) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", "r-" + deletedAt);
        f.put("deletedAt", deletedAt);
        f.put("signingKey", with.current().keyId());
        return Receipts.signed(f, with.current());
    }

    @Test
    void aReceiptSignedBeforeARotationStillVerifiesByTheKeyItNames() throws Exception {
        SigningKeys first = SigningKeys.open(keys, INSTALLED);
        assertEquals(1, first.history().size());
        assertEquals(INSTALLED, first.history().get(0).validFrom());
        Map<String, Object> old = receipt(first, "2026-03-01T10:00:00Z");
        Path oldSeedBlocks = keys.resolve("old-seed-inode");
        Files.createLink(oldSeedBlocks, keys.resolve(SigningKeys.SEED_FILE));

        SigningKeys second = first.rotate(ROTATED, new SecureRandom());
        Map<String, Object> fresh = receipt(second, "2026-07-01T10:00:00Z");

        assertNotEquals(first.current().keyId(), second.current().keyId());
        List<SigningKeys.PublishedKey> published = SigningKeys.parse(SigningKeys.json(second.history()).getBytes());
        assertEquals(List.of(first.current().keyId(), second.current().keyId()), published.stream().map(SigningKeys.PublishedKey::id).toList());
        assertEquals(ROTATED, published.get(0).validUntil());
        assertEquals(ROTATED, published.get(1).validFrom());
        assertNull(published.get(1).validUntil());
        for (Map<String, Object> r : List.of(old, fresh)) {
            SigningKeys.PublishedKey k = SigningKeys.keyFor(r, published).orElseThrow();
            assertTrue(Receipts.verify(r, ReceiptSigner.publicKey(k.publicKeyPem())), r.get("id").toString());
        }
        assertFalse(Receipts.verify(old, ReceiptSigner.publicKey(published.get(1).publicKeyPem())), "the new key did not sign the old one");
        assertArrayEquals(new byte[32], Files.readAllBytes(oldSeedBlocks), "the old private seed is overwritten where it lay");
        assertEquals(second.current().keyId(), SigningKeys.open(keys, ROTATED).current().keyId(), "after a restart too");
    }

    @Test
    void aReceiptThatNamesNoKeyIsCheckedWithTheKeyValidWhenItWasIssued() {
        SigningKeys first = SigningKeys.open(keys, INSTALLED);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", "from-before");
        f.put("deletedAt", "2026-02-01T00:00:00Z");
        Map<String, Object> unnamed = Receipts.signed(f, first.current());
        SigningKeys second = first.rotate(ROTATED, new SecureRandom());

        assertEquals(first.current().keyId(), SigningKeys.keyFor(unnamed, second.history()).orElseThrow().id());
        f.put("deletedAt", "2026-07-01T00:00:00Z");
        assertEquals(second.current().keyId(), SigningKeys.keyFor(f, second.history()).orElseThrow().id());
    }

    @Test
    void aSeedFromBeforeKeyHistoryIsValidSinceTheInstallationBegan() throws Exception {
        Files.write(keys.resolve(SigningKeys.SEED_FILE), new byte[32]);
        SigningKeys legacy = SigningKeys.open(keys, ROTATED);
        assertNull(legacy.history().get(0).validFrom());
        assertTrue(legacy.history().get(0).validAt(Instant.parse("2020-01-01T00:00:00Z")));
    }

    @Test
    void aRotationCutShortBetweenItsTwoWritesKeepsTheOldKeyCurrent() throws Exception {
        SigningKeys first = SigningKeys.open(keys, INSTALLED);
        Path savedSeed = Files.copy(keys.resolve(SigningKeys.SEED_FILE), keys.resolve("saved"));
        first.rotate(ROTATED, new SecureRandom());
        // As if the crash came after the history was written and before the seed was replaced.
        Files.move(savedSeed, keys.resolve(SigningKeys.SEED_FILE), StandardCopyOption.REPLACE_EXISTING);

        SigningKeys reopened = SigningKeys.open(keys, ROTATED);

        assertEquals(first.current().keyId(), reopened.current().keyId());
        assertEquals(1, reopened.history().size(), "the key that never got its seed is not published");
        assertNull(reopened.history().get(0).validUntil());
    }

    @Test
    void anOwnerSeesWhenAnotherProcessRotatedTheKey() {
        SigningKeys running = SigningKeys.open(keys, INSTALLED);
        assertFalse(running.replacedOnDisk());
        SigningKeys.open(keys, ROTATED).rotate(ROTATED, new SecureRandom());
        assertTrue(running.replacedOnDisk());
    }
}
