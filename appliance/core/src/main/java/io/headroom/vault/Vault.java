package io.headroom.vault;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;

/**
 * Seals and opens blobs with a session's data key as streams of AES-256-GCM segments (format:
 * {@link SealedFormat}). Both directions stream: plaintext is never written anywhere and at most
 * one segment of it is held at a time.
 */
public final class Vault {

    private final SecureRandom random;
    private final int segmentSize;

    public Vault(SecureRandom random) {
        this(random, SealedFormat.DEFAULT_SEGMENT_SIZE);
    }

    /** With a custom segment size, for tests of segment boundaries. */
    public Vault(SecureRandom random, int segmentSize) {
        this.random = random;
        this.segmentSize = segmentSize;
    }

    /**
     * A stream of the sealed form of {@code plaintext}, readable once. Closing it closes
     * {@code plaintext}. The key stays owned by the caller and must outlive the stream.
     *
     * @param keyId names the data key in the header, so an opener can tell which key it needs
     */
    public InputStream seal(InputStream plaintext, DataKey key, String keyId, BlobAddress address) {
        byte[] prefix = new byte[SealedFormat.NONCE_PREFIX_BYTES];
        random.nextBytes(prefix);
        return new SealingInputStream(plaintext, key, SealedFormat.header(keyId, segmentSize, prefix), address);
    }

    /**
     * A stream of the plaintext of a sealed blob. Reads the header now.
     *
     * @throws IntegrityException when the header is malformed or names another key
     */
    public InputStream open(InputStream sealed, DataKey key, String keyId, BlobAddress address) throws IOException {
        SealedFormat.Header header = SealedFormat.readHeader(sealed);
        if (!header.keyId().equals(keyId)) {
            throw new IntegrityException("sealed blob belongs to another key");
        }
        return new OpeningInputStream(sealed, key, header, address);
    }
}
