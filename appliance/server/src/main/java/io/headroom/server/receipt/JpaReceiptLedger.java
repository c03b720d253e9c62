package io.headroom.server.receipt;

import io.headroom.receipt.ReceiptSigner;
import io.headroom.receipt.Receipts;
import io.headroom.receipt.SigningKeys;
import io.headroom.server.db.ChainHeadEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link ReceiptLedger} on the {@code RECEIPTS} table, chained through the {@code receipts} chain head. */
@ApplicationScoped
class JpaReceiptLedger implements ReceiptLedger {

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Inject
    Clock clock;

    private volatile Path keysDirectory;
    private volatile SigningKeys keys;

    @Override
    public void start(Path keysDirectory) {
        this.keysDirectory = keysDirectory;
        keys = SigningKeys.open(keysDirectory, clock.instant());
    }

    @Override
    public String publicKeyPem() {
        return keys().current().publicKeyPem();
    }

    @Override
    public String publishedKeys() {
        return SigningKeys.json(keys().history());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Object> issue(String receiptId, Map<String, Object> fields) {
        // Locked until the purge commits: a concurrent purge waits for its place in the chain.
        ChainHeadEntity head = ChainHeadEntity.lock(em, "receipts");
        ReceiptSigner signer = keys().current();
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.put("id", receiptId);
        all.put("signingKey", signer.keyId());
        all.put(Receipts.PREVIOUS, head.hash());
        Map<String, Object> receipt = Receipts.signed(all, signer);
        String hash = Receipts.hash(receipt);
        em.persist(new ReceiptEntity(head.seq() + 1, receiptId, hash, Receipts.text(receipt), clock.instant()));
        head.advance(head.seq() + 1, hash);
        em.flush();
        return receipt;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> find(String receiptId) {
        if (receiptId == null || receiptId.length() > 32) {
            return Optional.empty();
        }
        return em.createQuery("SELECT r FROM ReceiptEntity r WHERE r.id = :id", ReceiptEntity.class).setParameter("id", receiptId)
                .getResultStream().findFirst().map(ReceiptEntity::body);
    }

    /** The signing keys, opened again when {@code headroom keys rotate-signing} replaced them meanwhile. */
    private synchronized SigningKeys keys() {
        SigningKeys k = keys;
        if (k == null) {
            throw new IllegalStateException("The appliance has not finished starting");
        }
        if (k.replacedOnDisk()) {
            keys = k = SigningKeys.open(keysDirectory, clock.instant());
        }
        return k;
    }
}
