package io.headroom.vault;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Version 1 of the sealed blob format: a header, then AES-256-GCM segments.
 *
 * <pre>
 * header  = magic "HRVB" | version 0x01 | key-id length (1) | key id (ASCII)
 *           | segment size (4, big-endian) | nonce prefix (7)
 * segment = ciphertext of up to segment-size plaintext bytes | 16-byte tag
 * nonce   = nonce prefix (7) | segment index (4, big-endian) | last-segment flag (1)
 * AAD     = "headroom-vault-v1" | header | session id | blob id   (ids length-prefixed)
 * </pre>
 *
 * The random nonce prefix is fresh for every blob; the index and the last flag in the nonce
 * make reordering, dropping and truncating segments fail authentication, the ids in the AAD
 * make moving a blob (or one of its segments) to another blob or session fail too. A stream
 * always ends with a segment flagged last, possibly empty.
 */
final class SealedFormat {

    static final byte[] MAGIC = {'H', 'R', 'V', 'B'};
    static final byte VERSION = 1;
    static final int NONCE_PREFIX_BYTES = 7;
    static final int TAG_BYTES = 16;
    static final int TAG_BITS = TAG_BYTES * 8;
    static final int DEFAULT_SEGMENT_SIZE = 64 * 1024;
    static final int MAX_SEGMENT_SIZE = 16 * 1024 * 1024;
    private static final byte[] AAD_LABEL = "headroom-vault-v1".getBytes(StandardCharsets.US_ASCII);

    private SealedFormat() {
    }

    /** The parsed header: what the reader needs to find the key and open the segments. */
    record Header(String keyId, int segmentSize, byte[] noncePrefix, byte[] encoded) {
    }

    static Header header(String keyId, int segmentSize, byte[] noncePrefix) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        if (id.length == 0 || id.length > 64 || !keyId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a key id has 1 to 64 characters of [A-Za-z0-9._-]");
        }
        if (segmentSize < 1 || segmentSize > MAX_SEGMENT_SIZE) {
            throw new IllegalArgumentException("segment size out of range");
        }
        byte[] encoded = ByteBuffer.allocate(MAGIC.length + 2 + id.length + 4 + NONCE_PREFIX_BYTES)
                .put(MAGIC).put(VERSION).put((byte) id.length).put(id)
                .putInt(segmentSize).put(noncePrefix)
                .array();
        return new Header(keyId, segmentSize, noncePrefix.clone(), encoded);
    }

    static Header readHeader(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IntegrityException("not a sealed Headroom blob");
            }
            int version = data.readUnsignedByte();
            if (version != VERSION) {
                throw new IntegrityException("unknown sealed blob version " + version);
            }
            int idLength = data.readUnsignedByte();
            if (idLength == 0 || idLength > 64) {
                throw new IntegrityException("malformed sealed blob header");
            }
            byte[] id = new byte[idLength];
            data.readFully(id);
            int segmentSize = data.readInt();
            if (segmentSize < 1 || segmentSize > MAX_SEGMENT_SIZE) {
                throw new IntegrityException("malformed sealed blob header");
            }
            byte[] prefix = new byte[NONCE_PREFIX_BYTES];
            data.readFully(prefix);
            String keyId = new String(id, StandardCharsets.US_ASCII);
            if (!keyId.matches("[A-Za-z0-9._-]+")) {
                throw new IntegrityException("malformed sealed blob header");
            }
            return header(keyId, segmentSize, prefix);
        } catch (EOFException e) {
            throw new IntegrityException("sealed blob cut short in its header");
        }
    }

    static byte[] aad(Header header, BlobAddress address) {
        byte[] a = address.encoded();
        return ByteBuffer.allocate(AAD_LABEL.length + header.encoded().length + a.length)
                .put(AAD_LABEL).put(header.encoded()).put(a).array();
    }

    /** Writes the nonce of segment {@code index} into {@code nonce} (12 bytes). */
    static void nonce(byte[] prefix, long index, boolean last, byte[] nonce) {
        if (index > 0xFFFF_FFFFL) {
            throw new IllegalStateException("blob too large for the sealed format");
        }
        System.arraycopy(prefix, 0, nonce, 0, NONCE_PREFIX_BYTES);
        nonce[7] = (byte) (index >>> 24);
        nonce[8] = (byte) (index >>> 16);
        nonce[9] = (byte) (index >>> 8);
        nonce[10] = (byte) index;
        nonce[11] = (byte) (last ? 1 : 0);
    }
}
