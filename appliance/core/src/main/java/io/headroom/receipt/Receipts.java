package io.headroom.receipt;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Making and checking receipts. A receipt is a JSON object; {@code signature} is the base64
 * Ed25519 signature of the canonical bytes ({@link CanonicalJson}) of every other field. Its hash
 * (SHA-256 hex of the canonical bytes of the whole receipt, signature included) is what the next
 * receipt names as {@code previous}, so the receipts form a chain that cannot be edited unseen.
 */
public final class Receipts {

    public static final String SIGNATURE = "signature";
    public static final String PREVIOUS = "previous";
    /** The {@code previous} of the first receipt of an installation. */
    public static final String GENESIS = "0".repeat(64);

    private Receipts() {
    }

    /** The fields given, signed. */
    public static Map<String, Object> signed(Map<String, Object> fields, ReceiptSigner signer) {
        if (fields.containsKey(SIGNATURE)) {
            throw new IllegalArgumentException("the fields to sign must not hold a signature");
        }
        Map<String, Object> receipt = new LinkedHashMap<>(fields);
        receipt.put(SIGNATURE, Base64.getEncoder().encodeToString(signer.sign(CanonicalJson.bytes(fields))));
        return receipt;
    }

    /** Whether the receipt's signature is valid for this public key. */
    public static boolean verify(Map<String, Object> receipt, PublicKey key) {
        Object sig = receipt.get(SIGNATURE);
        if (!(sig instanceof String s)) {
            return false;
        }
        Map<String, Object> fields = new LinkedHashMap<>(receipt);
        fields.remove(SIGNATURE);
        try {
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(key);
            v.update(CanonicalJson.bytes(fields));
            return v.verify(Base64.getDecoder().decode(s));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** SHA-256 (hex) of the receipt's canonical bytes, signature included: the next receipt's {@code previous}. */
    public static String hash(Map<String, Object> receipt) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CanonicalJson.bytes(receipt)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a receipt; numbers come back as longs. */
    public static Map<String, Object> parse(byte[] json) throws IOException {
        Map<String, Object> m = new ObjectMapper().readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        return normalised(m);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalised(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Integer i ? Long.valueOf(i) : v instanceof Map<?, ?> inner
                ? normalised((Map<String, Object>) inner) : v));
        return out;
    }

    /** The receipt as pretty JSON text for people (the signature covers the canonical form, not this text). */
    public static String text(Map<String, Object> receipt) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(receipt) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical bytes as UTF-8 text. */
    public static String canonical(Map<String, Object> receipt) {
        return new String(CanonicalJson.bytes(receipt), StandardCharsets.UTF_8);
    }
}
