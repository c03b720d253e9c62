package io.headroom.vault;

import java.io.IOException;
import java.io.InputStream;

/**
 * What sealing and opening share: read the source one segment at a time, knowing whether the
 * segment is the last (by peeking one byte past it), and serve the transformed segment to the
 * reader.
 */
abstract class SegmentedStream extends InputStream {

    private final InputStream source;
    private int lookahead = -2; // -2: nothing read ahead yet; -1: the source is at its end
    private byte[] out;
    private int pos;
    private int end;
    private boolean finished;
    private long index;

    SegmentedStream(InputStream source) {
        this.source = source;
    }

    /**
     * Produces the next segment's output from {@code in[0, length)} into a buffer, which it
     * returns with {@link #serve}.
     *
     * @param last whether this is the final segment
     */
    abstract void transform(long index, boolean last, byte[] in, int length) throws IOException;

    /** The buffer a segment should be read into. */
    abstract byte[] inputBuffer();

    /** Called by {@link #transform} with the bytes to hand out. */
    final void serve(byte[] buffer, int start, int length) {
        out = buffer;
        pos = start;
        end = start + length;
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (out == null || pos == end) {
            if (finished) {
                return -1;
            }
            nextSegment();
        }
        int n = Math.min(len, end - pos);
        System.arraycopy(out, pos, b, off, n);
        pos += n;
        return n;
    }

    private void nextSegment() throws IOException {
        byte[] in = inputBuffer();
        int filled = 0;
        if (lookahead >= 0) {
            in[filled++] = (byte) lookahead;
        }
        while (filled < in.length) {
            int n = source.read(in, filled, in.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        // A full segment is the last one only if the source has nothing more: peek one byte.
        lookahead = filled < in.length ? -1 : source.read();
        boolean last = lookahead < 0;
        transform(index++, last, in, filled);
        finished = last;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
