package io.headroom.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: counts failed attempts per key (a client address) in a fixed window and
 * refuses further attempts from that key once {@code maxFailures} is reached, until the window
 * ends.
 *
 * <p>Memory is bounded: at most {@code maxKeys} keys are tracked; when full, expired windows
 * are dropped first, and if every window is still live the new key is refused rather than
 * forgetting an attacker's count.
 */
public final class AttemptLimiter {

    private record Window(Instant start, long failures) {
    }

    private final long maxFailures;
    private final Duration window;
    private final int maxKeys;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public AttemptLimiter(long maxFailures, Duration window, int maxKeys, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("limiter settings must be positive");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /**
     * How long {@code key} must wait before it may try again, or empty if it may try now.
     * Call before checking the attempt, so a blocked client learns nothing.
     */
    public Optional<Duration> blockedFor(String key) {
        Instant now = clock.instant();
        Window w = windows.get(key);
        if (w != null && now.isBefore(end(w))) {
            return w.failures() < maxFailures ? Optional.empty() : Optional.of(atLeastOneSecond(Duration.between(now, end(w))));
        }
        if (w == null && windows.size() >= maxKeys && !pruneExpired(now)) {
            // Under a spread-out attack every slot is live: fail closed for unknown clients.
            return Optional.of(window);
        }
        return Optional.empty();
    }

    /** Records one failed attempt by {@code key}. */
    public void recordFailure(String key) {
        record(key, 1);
    }

    /** Records {@code amount} against {@code key}'s budget (attempts, requests or bytes). */
    public void record(String key, long amount) {
        Instant now = clock.instant();
        if (windows.size() >= maxKeys && !windows.containsKey(key)) {
            pruneExpired(now);
        }
        windows.compute(key, (k, w) -> w == null || !now.isBefore(end(w))
                ? new Window(now, amount)
                : new Window(w.start(), w.failures() + amount));
    }

    /**
     * As a rate limit: how long {@code key} must wait, or, when it may go on now, empty after
     * counting this one request against it.
     */
    public Optional<Duration> tryAcquire(String key) {
        Optional<Duration> wait = blockedFor(key);
        if (wait.isEmpty()) {
            record(key, 1);
        }
        return wait;
    }

    /** Whether {@code key} is counted here, or there is room to count it (expired windows dropped first). */
    public boolean admits(String key) {
        return windows.containsKey(key) || windows.size() < maxKeys || pruneExpired(clock.instant());
    }

    /** Forgets the failures of {@code key}, for example after a successful sign-in. */
    public void reset(String key) {
        windows.remove(key);
    }

    private Instant end(Window w) {
        return w.start().plus(window);
    }

    private static Duration atLeastOneSecond(Duration d) {
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
    }

    /** @return whether there is room for another key now */
    private boolean pruneExpired(Instant now) {
        windows.entrySet().removeIf(e -> !now.isBefore(e.getValue().start().plus(window)));
        return windows.size() < maxKeys;
    }
}
