package io.headroom.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Which blob of which session a sealed stream belongs to. Both are bound into every segment's
 * associated data, so a segment or a whole blob moved elsewhere no longer opens.
 */
public record BlobAddress(String sessionId, String blobId) {

    public BlobAddress {
        if (sessionId == null || sessionId.isEmpty() || blobId == null || blobId.isEmpty()
                || sessionId.length() > 255 || blobId.length() > 255) {
            throw new IllegalArgumentException("a blob address needs a session id and a blob id of 1 to 255 characters");
        }
    }

    byte[] encoded() {
        byte[] s = sessionId.getBytes(StandardCharsets.UTF_8);
        byte[] b = blobId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + s.length + b.length)
                .putShort((short) s.length).put(s)
                .putShort((short) b.length).put(b)
                .array();
    }
}
