package io.headroom.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell lines of {@code docs/receipts.md} ("What is signed": jq and OpenSSL 3) verify a receipt
 * as the appliance signs it, after a key rotation too, and refuse an edited one. Needs {@code jq}
 * and {@code openssl} (CI installs them).
 */
class ReceiptOpensslTest {

    @TempDir
    Path dir;

    /** The first {@code sh} block under "## What is signed" in the docs. */
    private static String documentedCommands() throws IOException {
        String doc = Files.readString(Path.of("../../docs/receipts.md"));
        String section = doc.substring(doc.indexOf("## What is signed"));
        int start = section.indexOf("```sh\n") + "```sh\n".length();
        return section.substring(start, section.indexOf("```", start));
    }

    private static Map<String, Object> receipt(SigningKeys keys, String id) {
        Map<String, Object> deleted = new LinkedHashMap<>();
        deleted.put("photos", Map.of("count", 6L, "bytes", 5_123_456L));
        deleted.put("dataKeys", Map.of("count", 1L));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "headroom-deletion-receipt");
        f.put("version", 1L);
        f.put("reason", "deadline");
        f.put("deletedAt", "2026-11-23T09:00:00.871Z");
        f.put("deleted", deleted);
        f.put("keyEpoch", Map.of("epoch", 492233L, "keyDestroyedBy", "2026-11-23T10:00:00Z",
                "earlierCopies", Map.of("madeBefore", "2026-11-22T11:42:10.250Z", "epoch", 492256L, "keyDestroyedBy", "2026-11-24T09:00:00Z")));
        f.put("id", id);
        f.put("signingKey", keys.current().keyId());
        f.put("previous", Receipts.GENESIS);
        return Receipts.signed(f, keys.current());
    }

    private String run(String receiptText) throws Exception {
        Files.writeString(dir.resolve("receipt.json"), receiptText);
        Process p = new ProcessBuilder("bash", "-c", documentedCommands()).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue() + ": " + out;
    }

    @Test
    void theDocumentedOpensslLinesVerifyReceiptsOfTheCurrentAndAnEarlierKey() throws Exception {
        Path keysDir = Files.createDirectory(dir.resolve("keys"));
        SigningKeys first = SigningKeys.open(keysDir, Instant.parse("2026-01-01T00:00:00Z"));
        Map<String, Object> old = receipt(first, "old");
        SigningKeys now = first.rotate(Instant.parse("2026-06-01T00:00:00Z"), new SecureRandom());
        Map<String, Object> fresh = receipt(now, "fresh");
        Files.writeString(dir.resolve("headroom-receipt-keys.json"), SigningKeys.json(now.history()));

        for (Map<String, Object> r : List.of(old, fresh)) {
            String said = run(Receipts.text(r));
            assertTrue(said.startsWith("0: ") && said.contains("Signature Verified Successfully"), said);
        }
        String edited = run(Receipts.text(fresh).replace("\"count\" : 6", "\"count\" : 5"));
        assertNotEquals("0", edited.substring(0, 1), edited);
        assertTrue(edited.contains("Signature Verification Failure"), edited);
        assertEquals(Receipts.hash(old), Receipts.hash(Receipts.parse(Receipts.text(old).getBytes(StandardCharsets.UTF_8))),
                "the pretty text parses back to the same canonical form");
    }
}
