package io.headroom.server.receipt;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Deletion receipts: each signed with the appliance's Ed25519 key (its seed in the keys directory,
 * {@code receipt-signing.seed}) and naming the hash of the receipt before it, so the stored
 * receipts form a chain.
 */
public interface ReceiptLedger {

    /** Loads (or on first start creates) the signing key; called once at start-up, before any other method. */
    void start(Path keysDirectory);

    /** The public half of the signing key, PEM. */
    String publicKeyPem();

    /**
     * Signs and stores a receipt with these fields (plus {@code id} and {@code previous}), in the
     * caller's transaction, which must exist: a purge's last step and its receipt commit together.
     *
     * @return the stored receipt
     */
    Map<String, Object> issue(String receiptId, Map<String, Object> fields);

    /** The stored receipt's JSON text. */
    Optional<String> find(String receiptId);
}
