package io.headroom.audit;

import java.util.List;
import java.util.OptionalLong;

/** Checks an audit log read back in order: every entry sealed, each naming the hash of the one before. */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The position of the first entry that was altered, removed or inserted; empty when the chain is whole. */
    public static OptionalLong firstBreak(List<AuditEntry> entries) {
        String previous = GENESIS;
        long expected = entries.isEmpty() ? 1 : entries.get(0).seq();
        if (!entries.isEmpty() && expected != 1) {
            return OptionalLong.of(1); // the start of the log is missing
        }
        for (AuditEntry e : entries) {
            if (e.seq() != expected || !e.previous().equals(previous) || !e.sealed()) {
                return OptionalLong.of(e.seq());
            }
            previous = e.hash();
            expected++;
        }
        return OptionalLong.empty();
    }
}
