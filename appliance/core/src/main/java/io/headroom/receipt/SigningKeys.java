package io.headroom.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.security.KeyFileReplacement;
import io.headroom.security.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The receipt-signing keys of an installation, in its keys directory: the private seed of the
 * current key ({@code receipt-signing.seed}, 0600) and the public history of every key it ever had
 * ({@code receipt-signing-keys.json}), each with its validity period, so a receipt issued years
 * ago still verifies after the key was rotated.
 *
 * <p>Rotating writes the history first (the old key closed, the new one open), then replaces the
 * seed with its old content overwritten in place. A crash between the two leaves a history whose
 * newest key has no seed: opening it drops that entry and re-opens the seed's key, which never
 * signed anything but the receipts it is listed for.
 *
 * <p>Not thread-safe: one owner ({@code ReceiptLedger}, the CLI) uses it.
 */
public final class SigningKeys {

    public static final String SEED_FILE = "receipt-signing.seed";
    public static final String HISTORY_FILE = "receipt-signing-keys.json";
    private static final int SEED_BYTES = 32;

    private final Path keysDirectory;
    private final List<PublishedKey> history;
    private final ReceiptSigner signer;
    private final Object seedFileKey;

    private SigningKeys(Path keysDirectory, List<PublishedKey> history, ReceiptSigner signer, Object seedFileKey) {
        this.keysDirectory = keysDirectory;
        this.history = List.copyOf(history);
        this.signer = signer;
        this.seedFileKey = seedFileKey;
    }

    /**
     * Opens the keys directory's signing keys, making the first key on first start. A seed from
     * before key history existed is listed as valid since the installation began.
     */
    public static SigningKeys open(Path keysDirectory, Instant now) {
        try {
            boolean first = !Files.exists(keysDirectory.resolve(SEED_FILE));
            byte[] seed = new SecretFiles(keysDirectory).loadOrCreate(SEED_FILE, SEED_BYTES);
            Object fileKey = Files.readAttributes(keysDirectory.resolve(SEED_FILE),
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            ReceiptSigner signer;
            try {
                signer = new ReceiptSigner(seed);
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
            List<PublishedKey> history = new ArrayList<>(read(keysDirectory.resolve(HISTORY_FILE)));
            int at = indexOf(history, signer.keyId());
            if (at < 0) {
                history.add(new PublishedKey(signer.keyId(), signer.publicKeyPem(), first ? now : null, null));
                write(keysDirectory, history);
            } else if (at < history.size() - 1 || history.get(at).validUntil() != null) {
                // A rotation cut short between its two writes: the seed's key is still the current one.
                PublishedKey k = history.get(at);
                history.subList(at, history.size()).clear();
                history.add(new PublishedKey(k.id(), k.publicKeyPem(), k.validFrom(), null));
                write(keysDirectory, history);
            }
            return new SigningKeys(keysDirectory, history, signer, fileKey);
        } catch (IOException e) {
            throw new UncheckedIOException("The receipt-signing keys in the keys directory cannot be read or written", e);
        }
    }

    /** The key that signs receipts now. */
    public ReceiptSigner current() {
        return signer;
    }

    /** Every key this installation has had, oldest first; the last is the current one. */
    public List<PublishedKey> history() {
        return history;
    }

    /**
     * Whether the seed file was replaced since this was opened (a rotation by the CLI while the
     * appliance runs): the owner then opens the keys again.
     */
    public boolean replacedOnDisk() {
        try {
            return !java.util.Objects.equals(seedFileKey, Files.readAttributes(keysDirectory.resolve(SEED_FILE),
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Makes a new signing key the current one from {@code now} on: the current key's validity ends
     * at {@code now} and its public key stays published; its seed is overwritten in place.
     *
     * @return the keys as they are after the rotation
     */
    public SigningKeys rotate(Instant now, SecureRandom random) {
        byte[] seed = new byte[SEED_BYTES];
        random.nextBytes(seed);
        try {
            ReceiptSigner next = new ReceiptSigner(seed);
            List<PublishedKey> after = new ArrayList<>(history);
            PublishedKey old = after.remove(after.size() - 1);
            after.add(new PublishedKey(old.id(), old.publicKeyPem(), old.validFrom(), now));
            after.add(new PublishedKey(next.keyId(), next.publicKeyPem(), now, null));
            write(keysDirectory, after);
            KeyFileReplacement.replace(keysDirectory.resolve(SEED_FILE), seed);
            return open(keysDirectory, now);
        } catch (IOException e) {
            throw new UncheckedIOException("The receipt-signing key cannot be rotated in the keys directory", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * The key that signed a receipt: the one its {@code signingKey} names, or, for a receipt from
     * before receipts named their key, the one valid when it was issued ({@code deletedAt}).
     */
    public static Optional<PublishedKey> keyFor(java.util.Map<String, Object> receipt, List<PublishedKey> keys) {
        Object named = receipt.get("signingKey");
        if (named instanceof String id) {
            return keys.stream().filter(k -> k.id().equals(id)).findFirst();
        }
        Instant issued;
        try {
            issued = Instant.parse(String.valueOf(receipt.get("deletedAt")));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
        return keys.stream().filter(k -> k.validAt(issued)).findFirst();
    }

    /** The history as published at {@code GET /api/receipts/keys}. */
    public static String json(List<PublishedKey> keys) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("keys");
        for (PublishedKey k : keys) {
            ObjectNode o = list.addObject().put("id", k.id()).put("algorithm", "Ed25519").put("publicKey", k.publicKeyPem());
            if (k.validFrom() != null) {
                o.put("validFrom", k.validFrom().toString());
            }
            if (k.validUntil() != null) {
                o.put("validUntil", k.validUntil().toString());
            }
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a history as {@link #json} writes it. */
    public static List<PublishedKey> parse(byte[] bytes) throws IOException {
        List<PublishedKey> keys = new ArrayList<>();
        for (JsonNode k : new ObjectMapper().readTree(bytes).path("keys")) {
            if (!k.hasNonNull("id") || !k.hasNonNull("publicKey")) {
                throw new IOException("a key without id or publicKey");
            }
            keys.add(new PublishedKey(k.get("id").asText(), k.get("publicKey").asText(), instant(k, "validFrom"), instant(k, "validUntil")));
        }
        return keys;
    }

    private static Instant instant(JsonNode node, String field) throws IOException {
        if (!node.hasNonNull(field)) {
            return null;
        }
        try {
            return Instant.parse(node.get(field).asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IOException(field + " is not a moment", e);
        }
    }

    private static List<PublishedKey> read(Path file) throws IOException {
        return Files.exists(file) ? parse(Files.readAllBytes(file)) : List.of();
    }

    private static void write(Path keysDirectory, List<PublishedKey> keys) throws IOException {
        KeyFileReplacement.replace(keysDirectory.resolve(HISTORY_FILE), json(keys).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static int indexOf(List<PublishedKey> keys, String id) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A public signing key and when it signed receipts.
     *
     * @param id           the first 16 hex digits of the SHA-256 of the key's DER encoding, as
     *                     receipts name it in {@code signingKey}
     * @param validFrom    null for a key made before key history was kept: since the installation began
     * @param validUntil   null for the current key
     */
    public record PublishedKey(String id, String publicKeyPem, Instant validFrom, Instant validUntil) {

        /** Whether this key was the signing key at {@code t}. */
        public boolean validAt(Instant t) {
            return (validFrom == null || !t.isBefore(validFrom)) && (validUntil == null || t.isBefore(validUntil));
        }
    }
}
