package io.headroom.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static List<AuditEntry> log(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        AuditEntry last = null;
        for (int i = 0; i < n; i++) {
            last = AuditEntry.after(last, Instant.parse("2026-11-22T10:00:00Z").plusSeconds(i), "session-created", "");
            entries.add(last);
        }
        return entries;
    }

    @Test
    void anUntouchedLogIsWhole() {
        assertEquals(OptionalLong.empty(), AuditChain.firstBreak(log(5)));
        assertEquals(OptionalLong.empty(), AuditChain.firstBreak(List.of()));
    }

    @Test
    void anEditedEntryIsFound() {
        List<AuditEntry> entries = log(5);
        AuditEntry e = entries.get(2);
        entries.set(2, new AuditEntry(e.seq(), e.at(), "purge", e.detail(), e.previous(), e.hash()));
        assertEquals(OptionalLong.of(3), AuditChain.firstBreak(entries));
    }

    @Test
    void anEntryReSealedAfterEditingBreaksTheNextLink() {
        List<AuditEntry> entries = log(5);
        AuditEntry e = entries.get(1);
        entries.set(1, AuditEntry.after(entries.get(0), e.at(), "purge", "forged"));
        assertEquals(OptionalLong.of(3), AuditChain.firstBreak(entries), "entry 2 verifies alone, entry 3 no longer follows it");
    }

    @Test
    void removedOrMissingEntriesAreFound() {
        List<AuditEntry> entries = log(5);
        entries.remove(3);
        assertEquals(OptionalLong.of(5), AuditChain.firstBreak(entries));
        assertEquals(OptionalLong.of(1), AuditChain.firstBreak(log(5).subList(1, 5)), "the start was cut off");
        assertTrue(AuditChain.firstBreak(log(5).subList(0, 4)).isEmpty(), "a shorter log is whole (the head is checked elsewhere)");
    }
}
