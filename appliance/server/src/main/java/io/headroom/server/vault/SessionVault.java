package io.headroom.server.vault;

import io.headroom.security.RandomTokens;
import io.headroom.vault.BlobAddress;
import io.headroom.vault.DataKey;
import io.headroom.vault.KeyEpochs;
import io.headroom.vault.KeyProvider;
import io.headroom.vault.KeystoreKeyProvider;
import io.headroom.vault.Vault;
import io.headroom.vault.VaultException;
import io.headroom.vault.WrappedKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Sessions' data keys and the sealing of their blobs. A key is created with the session's first
 * blob, kept only wrapped, unwrapped for the moment it is needed, and destroyed (its row deleted)
 * before a session's blobs are: without it they are noise.
 */
@ApplicationScoped
public class SessionVault implements SessionKeys {

    private final SecureRandom random = new SecureRandom();
    private final RandomTokens ids = new RandomTokens(random);
    private final Vault vault = new Vault(random);
    private volatile KeyProvider keys;
    private volatile KeyEpochs epochs;

    @Inject
    SessionKeyRepository rows;

    @Inject
    Clock clock;

    /** Opens (or creates) the keystore; called once at start-up. */
    public void start(Path keysDirectory, Optional<char[]> passphrase, Duration keyEpoch) throws VaultException {
        char[] p = passphrase.orElse(null);
        try {
            keys = KeystoreKeyProvider.openOrCreate(keysDirectory, p, random);
            epochs = KeyEpochs.open(keysDirectory, keys, keyEpoch, random);
            // A crash between a key-encryption key's rotation and its retirement left it behind.
            epochs.retireKeks(rows.keksWrappingDirectly());
        } finally {
            if (p != null) {
                Arrays.fill(p, '\0');
            }
        }
    }

    private KeyProvider keys() {
        KeyProvider k = keys;
        if (k == null) {
            throw new IllegalStateException("the vault is not open");
        }
        return k;
    }

    private KeyEpochs epochs() {
        KeyEpochs e = epochs;
        if (e == null) {
            throw new IllegalStateException("the vault is not open");
        }
        return e;
    }

    @Override
    public Epoch epochOf(Instant deadline) {
        return epoch(epochs().epochOf(deadline));
    }

    @Override
    public Epoch epoch(long number) {
        return new Epoch(number, epochs().endOf(number));
    }

    /**
     * Destroys the keys of the epochs that have ended and rotates the key-encryption key when any
     * has; returns how many.
     */
    public int destroyEndedEpochs(Instant now) throws VaultException {
        // Asked of the database only when an epoch has ended, not at every sweep.
        return epochs().destroyEnded(now, rows::keksWrappingDirectly).size();
    }

    /**
     * The session's key, created (and stored wrapped) in the caller's transaction if it has none;
     * {@code deadline} is the session's, read by the caller in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @Override
    public OpenKey keyForWriting(String sessionId, Instant deadline) throws VaultException {
        Optional<OpenKey> existing = keyForReading(sessionId);
        if (existing.isPresent()) {
            return existing.get();
        }
        DataKey key = DataKey.generate(random);
        // Wrapped under its deadline's epoch key, which dies with the epoch (and so with every copy).
        WrappedKey wrapped = epochs().wrap(key, deadline);
        String keyId = ids.hexId();
        rows.add(new SessionKeyEntity(sessionId, keyId, wrapped.kekId(), wrapped.wrapped(), clock.instant()));
        return new OpenKey(keyId, key);
    }

    /**
     * The session's deadline moved earlier: its data key is wrapped anew under the key of the new
     * deadline's epoch, in the caller's transaction, so it dies with that (earlier) epoch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @Override
    public Optional<Epoch> deadlineMoved(String sessionId, Instant newDeadline) throws VaultException {
        SessionKeyEntity row = rows.find(sessionId).orElse(null);
        if (row == null) {
            return Optional.empty(); // nothing stored yet: the key, when made, takes the new deadline's epoch
        }
        WrappedKey old = new WrappedKey(row.kekId(), row.wrappedKey());
        try (DataKey key = KeyEpochs.isEpochWrapped(old) ? epochs().unwrap(old) : keys().unwrap(old)) {
            WrappedKey fresh = epochs().wrap(key, newDeadline);
            row.rewrapped(fresh.kekId(), fresh.wrapped());
            if (!KeyEpochs.isEpochWrapped(old) || old.kekId().equals(fresh.kekId())) {
                return Optional.empty();
            }
            long previous = KeyEpochs.epochNumber(old);
            return Optional.of(new Epoch(previous, epochs().endOf(previous)));
        }
    }

    /** The session's key, if it has one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Optional<OpenKey> keyForReading(String sessionId) throws VaultException {
        SessionKeyEntity row = rows.find(sessionId).orElse(null);
        if (row == null) {
            return Optional.empty();
        }
        WrappedKey wrapped = new WrappedKey(row.kekId(), row.wrappedKey());
        return Optional.of(new OpenKey(row.keyId(), KeyEpochs.isEpochWrapped(wrapped) ? epochs().unwrap(wrapped) : keys().unwrap(wrapped)));
    }

    /**
     * Crypto-shredding: deletes the wrapped key in the caller's transaction, which commits before
     * any blob is touched. Returns whether there was one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @Override
    public boolean destroyKey(String sessionId) {
        Optional<SessionKeyEntity> row = rows.find(sessionId);
        row.ifPresent(rows::remove);
        return row.isPresent();
    }

    public InputStream seal(InputStream plaintext, OpenKey key, BlobAddress address) {
        return vault.seal(plaintext, key.key(), key.keyId(), address);
    }

    public InputStream open(InputStream sealed, OpenKey key, BlobAddress address) throws IOException {
        return vault.open(sealed, key.key(), key.keyId(), address);
    }
}
