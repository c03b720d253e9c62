package io.headroom.server.fakes;

import io.headroom.server.photo.PhotoEntity;
import io.headroom.server.photo.PhotoRepository;
import io.headroom.server.session.SessionBelongings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Photo rows in upload order; they go with their session's purge. */
public final class MemoryPhotos implements PhotoRepository, SessionBelongings {

    public final List<PhotoEntity> rows = new ArrayList<>();
    private final FakeTransactions transactions;

    public MemoryPhotos(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(PhotoEntity photo) {
        transactions.requireOpen("a photo recorded");
        rows.add(photo);
    }

    @Override
    public long count(String sessionId) {
        return of(sessionId).size();
    }

    @Override
    public List<PhotoEntity> of(String sessionId) {
        return rows.stream().filter(p -> p.sessionId().equals(sessionId)).toList();
    }

    @Override
    public Optional<PhotoEntity> find(String sessionId, String photoId) {
        return of(sessionId).stream().filter(p -> p.id().equals(photoId)).findFirst();
    }

    @Override
    public List<Deleted> deleteAllOf(String sessionId) {
        transactions.requireOpen("photo rows deleted");
        List<PhotoEntity> gone = of(sessionId);
        rows.removeAll(gone);
        return List.of(new Deleted("photos", gone.size(), gone.stream().mapToLong(PhotoEntity::bytes).sum()));
    }
}
