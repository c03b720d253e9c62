package io.headroom.server.fakes;

import io.headroom.server.headshot.HeadshotEntity;
import io.headroom.server.headshot.HeadshotRepository;
import io.headroom.server.session.SessionBelongings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Headshot rows in the order they were made; they go with their session's purge. */
public final class MemoryHeadshots implements HeadshotRepository, SessionBelongings {

    public final List<HeadshotEntity> rows = new ArrayList<>();
    private final FakeTransactions transactions;

    public MemoryHeadshots(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(HeadshotEntity headshot) {
        transactions.requireOpen("a headshot recorded");
        rows.add(headshot);
    }

    @Override
    public List<HeadshotEntity> of(String sessionId) {
        return rows.stream().filter(h -> h.sessionId().equals(sessionId)).toList();
    }

    @Override
    public List<HeadshotEntity> ofJob(String jobId) {
        return rows.stream().filter(h -> h.jobId().equals(jobId)).toList();
    }

    @Override
    public Optional<HeadshotEntity> find(String sessionId, String headshotId) {
        return of(sessionId).stream().filter(h -> h.id().equals(headshotId)).findFirst();
    }

    @Override
    public List<HeadshotEntity> removeAllOfJob(String jobId) {
        transactions.requireOpen("headshot rows removed");
        List<HeadshotEntity> gone = ofJob(jobId);
        rows.removeAll(gone);
        return gone;
    }

    @Override
    public List<Deleted> deleteAllOf(String sessionId) {
        transactions.requireOpen("headshot rows deleted");
        List<HeadshotEntity> gone = of(sessionId);
        rows.removeAll(gone);
        List<HeadshotEntity> withCutout = gone.stream().filter(HeadshotEntity::hasCutout).toList();
        return List.of(new Deleted("headshots", gone.size(), gone.stream().mapToLong(HeadshotEntity::bytes).sum()),
                new Deleted("cutouts", withCutout.size(), withCutout.stream().mapToLong(HeadshotEntity::cutoutBytes).sum()));
    }
}
