package io.headroom.server.receipt;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Deletion receipts: each signed with the appliance's current Ed25519 key ({@code SigningKeys}: its
 * seed and the public history of every earlier key in the keys directory), naming that key
 * ({@code signingKey}) and the hash of the receipt before it, so the stored receipts form a chain.
 */
public interface ReceiptLedger {

    /** Loads (or on first start creates) the signing key; called once at start-up, before any other method. */
    void start(Path keysDirectory);

    /** The public half of the current signing key, PEM. */
    String publicKeyPem();

    /** Every signing key the appliance has had, with its validity period: the JSON of {@code GET /api/receipts/keys}. */
    String publishedKeys();

    /**
     * Signs and stores a receipt with these fields (plus {@code id}, {@code signingKey} and {@code previous}), in the
     * caller's transaction, which must exist: a purge's last step and its receipt commit together.
     *
     * @return the stored receipt
     */
    Map<String, Object> issue(String receiptId, Map<String, Object> fields);

    /** The stored receipt's JSON text. */
    Optional<String> find(String receiptId);
}
