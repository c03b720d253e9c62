package io.headroom.audit;

import io.headroom.receipt.CanonicalJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One audit event. {@code hash} is the SHA-256 of the canonical JSON of every other field,
 * {@code previous} included, so each entry seals the one before it.
 *
 * @param seq      position in the log, from 1
 * @param event    what happened, e.g. {@code session-created}
 * @param detail   facts without personal data (counts, states, plugin ids), as text
 * @param previous the hash of the entry before ({@link AuditChain#GENESIS} for the first)
 */
public record AuditEntry(long seq, Instant at, String event, String detail, String previous, String hash) {

    /** A new entry after {@code previous} (null for the first), with its hash computed. */
    public static AuditEntry after(AuditEntry previousEntry, Instant at, String event, String detail) {
        return previousEntry == null ? next(0, AuditChain.GENESIS, at, event, detail) : next(previousEntry.seq, previousEntry.hash, at, event, detail);
    }

    /** A new entry after the one at {@code lastSeq} whose hash is {@code lastHash} (0 and the genesis hash for the first). */
    public static AuditEntry next(long lastSeq, String lastHash, Instant at, String event, String detail) {
        long seq = lastSeq + 1;
        return new AuditEntry(seq, at, event, detail, lastHash, hashOf(seq, at, event, detail, lastHash));
    }

    /** Whether the stored hash is the hash of the stored fields. */
    public boolean sealed() {
        return hash.equals(hashOf(seq, at, event, detail, previous));
    }

    static String hashOf(long seq, Instant at, String event, String detail, String previous) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", seq);
        fields.put("at", at.toString());
        fields.put("event", event);
        fields.put("detail", detail);
        fields.put("previous", previous);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CanonicalJson.bytes(fields)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
