package io.headroom.server.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** How many progress streams each session holds open, so one session cannot hold them all. */
@ApplicationScoped
public class StreamSlots {

    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

    /** Takes a slot for the session if it holds fewer than {@code max}; false when it holds as many. */
    public boolean take(String sessionId, int max) {
        boolean[] taken = {false};
        open.compute(sessionId, (k, n) -> {
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            if (count.get() < max) {
                count.incrementAndGet();
                taken[0] = true;
            }
            return count.get() == 0 ? null : count;
        });
        return taken[0];
    }

    /** Gives a slot back (once per slot taken). */
    public void giveBack(String sessionId) {
        open.computeIfPresent(sessionId, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** Streams the session holds open now. */
    public int held(String sessionId) {
        AtomicInteger n = open.get(sessionId);
        return n == null ? 0 : n.get();
    }
}
