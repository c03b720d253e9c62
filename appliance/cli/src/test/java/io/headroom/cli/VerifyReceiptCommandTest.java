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
}
