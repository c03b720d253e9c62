package io.headroom.vault;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a sealed blob and yields its plaintext, one authenticated segment at a time. A segment
 * is released only after its tag verified, so a reader never sees an unauthenticated byte; any
 * tampering surfaces as {@link IntegrityException}. Plaintext stays in memory only.
 */
final class OpeningInputStream extends SegmentedStream {

    private final SegmentCipher cipher;
    private final byte[] sealed;
    private final byte[] plain;

    OpeningInputStream(InputStream source, DataKey key, SealedFormat.Header header, BlobAddress address) {
        super(source);
        this.cipher = new SegmentCipher(key, header, address);
        this.sealed = new byte[header.segmentSize() + SealedFormat.TAG_BYTES];
        this.plain = new byte[header.segmentSize()];
    }

    @Override
    byte[] inputBuffer() {
        return sealed;
    }

    @Override
    void transform(long index, boolean last, byte[] in, int length) throws IOException {
        // A stream cut exactly at a segment boundary ends on a segment sealed as "not last":
        // opening it as last fails authentication, which is the point.
        serve(plain, 0, cipher.open(index, last, in, length, plain));
    }

    @Override
    public void close() throws IOException {
        Arrays.fill(plain, (byte) 0);
        super.close();
    }
}
