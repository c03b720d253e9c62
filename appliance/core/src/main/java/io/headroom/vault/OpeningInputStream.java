package io.headroom.vault;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a sealed blob and yields its plaintext, one authenticated segment at a time. A segment
 * is released only after its tag verified, so a reader never sees an unauthenticated byte; any
 * tampering surfaces as {@link IntegrityException}. Plaintext stays in memory only.
 */
final class OpeningInputStream extends InputStream {

    private final InputStream source;
    private final SegmentCipher cipher;
    private final byte[] sealed;
    private final byte[] plain;
    private int plainPos;
    private int plainEnd;
    private long index;
    private boolean finished;
    private int lookahead = -2;

    OpeningInputStream(InputStream source, DataKey key, SealedFormat.Header header, BlobAddress address) {
        this.source = source;
        this.cipher = new SegmentCipher(key, header, address);
        this.sealed = new byte[header.segmentSize() + SealedFormat.TAG_BYTES];
        this.plain = new byte[header.segmentSize()];
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
        while (plainPos == plainEnd) {
            if (finished) {
                return -1;
            }
            nextSegment();
        }
        int n = Math.min(len, plainEnd - plainPos);
        System.arraycopy(plain, plainPos, b, off, n);
        plainPos += n;
        return n;
    }

    private void nextSegment() throws IOException {
        int filled = 0;
        if (lookahead >= 0) {
            sealed[filled++] = (byte) lookahead;
        }
        while (filled < sealed.length) {
            int n = source.read(sealed, filled, sealed.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        lookahead = filled < sealed.length ? -1 : source.read();
        boolean last = lookahead < 0;
        // A stream cut exactly at a segment boundary ends on a segment sealed as "not last":
        // opening it as last fails authentication, which is the point.
        plainEnd = cipher.open(index++, last, sealed, filled, plain);
        plainPos = 0;
        finished = last;
    }

    @Override
    public void close() throws IOException {
        Arrays.fill(plain, (byte) 0);
        source.close();
    }
}
