package io.headroom.vault;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads plaintext from a source and yields the sealed blob: header, then one authenticated
 * segment at a time. Holds at most one segment of plaintext in memory and writes nothing
 * anywhere, so it can feed a storage driver directly.
 */
final class SealingInputStream extends InputStream {

    private final InputStream source;
    private final SegmentCipher cipher;
    private final byte[] plain;
    private final byte[] sealed;
    private byte[] pending;
    private int pendingPos;
    private int pendingEnd;
    private long index;
    private boolean finished;
    private int lookahead = -2; // -2: none read yet; -1: source at end; else the byte read ahead

    SealingInputStream(InputStream source, DataKey key, SealedFormat.Header header, BlobAddress address) {
        this.source = source;
        this.cipher = new SegmentCipher(key, header, address);
        this.plain = new byte[header.segmentSize()];
        this.sealed = new byte[header.segmentSize() + SealedFormat.TAG_BYTES];
        this.pending = header.encoded();
        this.pendingEnd = pending.length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pendingPos == pendingEnd) {
            if (finished) {
                return -1;
            }
            nextSegment();
        }
        int n = Math.min(len, pendingEnd - pendingPos);
        System.arraycopy(pending, pendingPos, b, off, n);
        pendingPos += n;
        return n;
    }

    private void nextSegment() throws IOException {
        int filled = 0;
        if (lookahead >= 0) {
            plain[filled++] = (byte) lookahead;
        }
        while (filled < plain.length) {
            int n = source.read(plain, filled, plain.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        // A full segment is the last one only if the source has nothing more: peek one byte.
        lookahead = filled < plain.length ? -1 : source.read();
        boolean last = lookahead < 0;
        int n = cipher.seal(index++, last, plain, filled, sealed);
        Arrays.fill(plain, 0, filled, (byte) 0);
        pending = sealed;
        pendingPos = 0;
        pendingEnd = n;
        finished = last;
    }

    @Override
    public void close() throws IOException {
        Arrays.fill(plain, (byte) 0);
        source.close();
    }
}
