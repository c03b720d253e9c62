package io.headroom.vault;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads plaintext from a source and yields the sealed blob: header, then one authenticated
 * segment at a time. Holds at most one segment of plaintext in memory and writes nothing
 * anywhere, so it can feed a storage driver directly.
 */
final class SealingInputStream extends SegmentedStream {

    private final SegmentCipher cipher;
    private final byte[] plain;
    private final byte[] sealed;

    SealingInputStream(InputStream source, DataKey key, SealedFormat.Header header, BlobAddress address) {
        super(source);
        this.cipher = new SegmentCipher(key, header, address);
        this.plain = new byte[header.segmentSize()];
        this.sealed = new byte[header.segmentSize() + SealedFormat.TAG_BYTES];
        serve(header.encoded(), 0, header.encoded().length);
    }

    @Override
    byte[] inputBuffer() {
        return plain;
    }

    @Override
    void transform(long index, boolean last, byte[] in, int length) throws IOException {
        int n = cipher.seal(index, last, in, length, sealed);
        Arrays.fill(in, 0, length, (byte) 0);
        serve(sealed, 0, n);
    }

    @Override
    public void close() throws IOException {
        Arrays.fill(plain, (byte) 0);
        super.close();
    }
}
