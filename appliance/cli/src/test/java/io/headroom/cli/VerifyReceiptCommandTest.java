package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.receipt.ReceiptSigner;
import io.headroom.receipt.Receipts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyReceiptCommandTest {

    private static final ReceiptSigner APPLIANCE = new ReceiptSigner("an appliance's 32-byte seed.....".getBytes(StandardCharsets.US_ASCII));

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private void run(String... args) {
        new VerifyReceiptCommand(new PrintStream(printed, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    private static Map<String, Object> receipt(String id, String previous) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("deletedAt", "2026-11-22T10:00:00Z");
        f.put("previous", previous);
        return Receipts.signed(f, APPLIANCE);
    }

    @Test
    void aGenuineChainedReceiptIsValidAndAnEditedOneIsNot(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("key.pem"), APPLIANCE.publicKeyPem());
        Map<String, Object> first = receipt("r1", Receipts.GENESIS);
        Map<String, Object> second = receipt("r2", Receipts.hash(first));
        Path a = Files.writeString(dir.resolve("a.json"), Receipts.text(first));
        Path b = Files.writeString(dir.resolve("b.json"), Receipts.text(second));

        run(b.toString(), "--key", key.toString(), "--previous", a.toString());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("Receipt r2 is valid") && printed.toString(StandardCharsets.UTF_8).contains("follows receipt r1"));

        Path edited = Files.writeString(dir.resolve("edited.json"), Receipts.text(second).replace("2026-11-22T10:00:00Z", "2026-11-23T10:00:00Z"));
        CliException e = assertThrows(CliException.class, () -> run(edited.toString(), "--key", key.toString()));
        assertEquals(VerifyReceiptCommand.INVALID, e.status());

        CliException unchained = assertThrows(CliException.class, () -> run(a.toString(), "--key", key.toString(), "--previous", b.toString()));
        assertTrue(unchained.getMessage().contains("does not follow"), unchained.getMessage());

        Path otherKey = Files.writeString(dir.resolve("other.pem"), new ReceiptSigner(new byte[32]).publicKeyPem());
        assertEquals(VerifyReceiptCommand.INVALID, assertThrows(CliException.class, () -> run(b.toString(), "--key", otherKey.toString())).status());
        assertEquals(2, assertThrows(CliException.class, () -> run(b.toString())).status(), "no key: a usage error");
    }

    /** After a key rotation: the list of keys verifies receipts of both keys, each by the key it names. */
    @Test
    void withEveryKeyTheAppliancesHadEachReceiptIsCheckedWithTheKeyItNames(@TempDir Path dir) throws Exception {
        Path keysDir = Files.createDirectory(dir.resolve("keys"));
        io.headroom.receipt.SigningKeys before = io.headroom.receipt.SigningKeys.open(keysDir, java.time.Instant.parse("2026-01-01T00:00:00Z"));
        Path old = Files.writeString(dir.resolve("old.json"), Receipts.text(named(before, "old", Receipts.GENESIS)));
        Path oldKey = Files.writeString(dir.resolve("old.pem"), before.current().publicKeyPem());
        io.headroom.receipt.SigningKeys after = before.rotate(java.time.Instant.parse("2026-06-01T00:00:00Z"), new java.security.SecureRandom());
        Path fresh = Files.writeString(dir.resolve("fresh.json"),
                Receipts.text(named(after, "fresh", Receipts.hash(Receipts.parse(Files.readAllBytes(old))))));
        Path all = Files.writeString(dir.resolve("keys.json"), io.headroom.receipt.SigningKeys.json(after.history()));

        run(fresh.toString(), "--keys", all.toString(), "--previous", old.toString());
        String said = printed.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("Receipt fresh is valid: signed by the appliance key " + after.current().keyId()), said);
        assertTrue(said.contains("directly follows receipt old"), said);

        CliException wrongKey = assertThrows(CliException.class, () -> run(fresh.toString(), "--key", oldKey.toString()));
        assertEquals(VerifyReceiptCommand.INVALID, wrongKey.status());
        assertTrue(wrongKey.getMessage().contains("names signing key " + after.current().keyId()), wrongKey.getMessage());
        assertEquals(2, assertThrows(CliException.class, () -> run(fresh.toString(), "--key", oldKey.toString(), "--keys", all.toString()))
                .status(), "one or the other");
    }

    private static Map<String, Object> named(io.headroom.receipt.SigningKeys keys, String id, String previous) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("deletedAt", "2026-11-22T10:00:00Z");
        f.put("signingKey", keys.current().keyId());
        f.put("previous", previous);
        return Receipts.signed(f, keys.current());
    }
}
