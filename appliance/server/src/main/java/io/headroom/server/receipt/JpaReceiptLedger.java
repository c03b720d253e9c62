package io.headroom.server.receipt;

import io.headroom.receipt.ReceiptSigner;
import io.headroom.receipt.Receipts;
import io.headroom.security.SecretFiles;
import io.headroom.server.db.ChainHeadEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link ReceiptLedger} on the {@code RECEIPTS} table, chained through the {@code receipts} chain head. */
@ApplicationScoped
class JpaReceiptLedger implements ReceiptLedger {

    static final String SEED_FILE = "receipt-signing.seed";

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Inject
    Clock clock;

    private volatile ReceiptSigner signer;

    @Override
    public void start(Path keysDirectory) {
        byte[] seed = new SecretFiles(keysDirectory).loadOrCreate(SEED_FILE, 32);
        try {
            signer = new ReceiptSigner(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    @Override
    public String publicKeyPem() {
        return signer().publicKeyPem();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Object> issue(String receiptId, Map<String, Object> fields) {
        // Locked until the purge commits: a concurrent purge waits for its place in the chain.
        ChainHeadEntity head = ChainHeadEntity.lock(em, "receipts");
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.put("id", receiptId);
        all.put(Receipts.PREVIOUS, head.hash());
        Map<String, Object> receipt = Receipts.signed(all, signer());
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

    private ReceiptSigner signer() {
        ReceiptSigner s = signer;
        if (s == null) {
            throw new IllegalStateException("The appliance has not finished starting");
        }
        return s;
    }
}
