package io.headroom.server.fakes;

import io.headroom.server.session.SessionEntity;
import io.headroom.server.session.SessionRepository;
import io.headroom.session.SessionState;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sessions by id; a lock may only be taken inside a transaction. */
public final class MemorySessions implements SessionRepository {

    public final Map<String, SessionEntity> rows = new LinkedHashMap<>();
    private final FakeTransactions transactions;
    /** Runs whenever a session's row is locked (to let something race in between two steps). */
    private Runnable onLock = () -> { };

    public MemorySessions(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    public void onLock(Runnable r) {
        onLock = r;
    }

    @Override
    public void add(SessionEntity session) {
        transactions.requireOpen("a session added");
        rows.put(session.id(), session);
    }

    @Override
    public Optional<SessionEntity> find(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<SessionEntity> lock(String id) {
        transactions.requireOpen("a session locked");
        onLock.run();
        return find(id);
    }

    @Override
    public void remove(SessionEntity session) {
        transactions.requireOpen("a session removed");
        rows.remove(session.id());
    }

    @Override
    public List<String> due(Instant now, int max) {
        return rows.values().stream().filter(s -> s.goneAt(now)).sorted(Comparator.comparing(SessionEntity::deletesAt))
                .map(SessionEntity::id).limit(max).toList();
    }

    @Override
    public long failingPurges() {
        return 0;
    }

    @Override
    public Map<SessionState, Long> countByState() {
        Map<SessionState, Long> counts = new EnumMap<>(SessionState.class);
        rows.values().forEach(s -> counts.merge(s.state(), 1L, Long::sum));
        return counts;
    }

    @Override
    public List<SessionEntity> dueFirst(int n) {
        return rows.values().stream().sorted(Comparator.comparing(SessionEntity::deletesAt)).limit(n).toList();
    }
}
