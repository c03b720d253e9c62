package io.headroom.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiptsTest {

    private static final ReceiptSigner SIGNER = new ReceiptSigner(new byte[32]);

    private static Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("session", "ab12");
        f.put("deleted", Map.of("photos", Map.of("count", 3L, "bytes", 123456L)));
        f.put("previous", Receipts.GENESIS);
        return f;
    }

    @Test
    void theCanonicalFormIsSortedCompactAndEscaped() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1L);
        m.put("a", Map.of("y", "q\"\\\n", "x", true));
        m.put("c", null);
        assertEquals("{\"a\":{\"x\":true,\"y\":\"q\\\"\\\\\\n\"},\"b\":1,\"c\":null}", new String(CanonicalJson.bytes(m), StandardCharsets.UTF_8));
    }

    @Test
    void aSignedReceiptVerifiesAndAnyChangeBreaksIt() throws Exception {
        Map<String, Object> r = Receipts.signed(fields(), SIGNER);
        var key = ReceiptSigner.publicKey(SIGNER.publicKeyPem());
        assertTrue(Receipts.verify(r, key));
        Map<String, Object> parsed = Receipts.parse(Receipts.text(r).getBytes(StandardCharsets.UTF_8));
        assertTrue(Receipts.verify(parsed, key), "survives a trip through its pretty text");
        assertEquals(Receipts.hash(r), Receipts.hash(parsed));

        Map<String, Object> edited = new LinkedHashMap<>(parsed);
        edited.put("deleted", Map.of("photos", Map.of("count", 2L, "bytes", 123456L)));
        assertFalse(Receipts.verify(edited, key), "a changed count");
        assertFalse(Receipts.verify(r, ReceiptSigner.publicKey(new ReceiptSigner(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).publicKeyPem())),
                "another appliance's key");
    }

    @Test
    void eachReceiptNamesTheHashOfTheOneBefore() {
        Map<String, Object> first = Receipts.signed(fields(), SIGNER);
        Map<String, Object> next = new LinkedHashMap<>(fields());
        next.put("previous", Receipts.hash(first));
        Map<String, Object> second = Receipts.signed(next, SIGNER);
        assertEquals(Receipts.hash(first), second.get("previous"));
        assertNotEquals(Receipts.hash(first), Receipts.hash(second));
    }

    @Test
    void thePublicKeyIsStandardPem() {
        String pem = SIGNER.publicKeyPem();
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA"), pem);
        assertEquals(SIGNER.publicKeyPem(), new ReceiptSigner(new byte[32]).publicKeyPem(), "the seed determines the key");
    }
}
