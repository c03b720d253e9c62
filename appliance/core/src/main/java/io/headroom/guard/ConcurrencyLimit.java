package io.headroom.guard;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most {@code permits} runs of an expensive step at once (a sign-in's Argon2id hash, 19 MiB
 * each), across all clients; a caller waits up to {@code wait} for its turn, then gets 429 with a
 * Retry-After of a second, so a burst costs the attacker, not the appliance's memory.
 */
public final class ConcurrencyLimit {

    private final Semaphore permits;
    private final Duration wait;
    private final String detail;

    public ConcurrencyLimit(int permits, Duration wait, String detail) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive");
        }
        this.permits = new Semaphore(permits, true);
        this.wait = wait;
        this.detail = detail;
    }

    /** Runs {@code step} when a permit is free. @throws ProblemException 429 when none came free in time */
    public <T> T run(Supplier<T> step) {
        boolean permitted;
        try {
            permitted = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            permitted = false;
        }
        if (!permitted) {
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, detail, Duration.ofSeconds(1));
        }
        try {
            return step.get();
        } finally {
            permits.release();
        }
    }
}
