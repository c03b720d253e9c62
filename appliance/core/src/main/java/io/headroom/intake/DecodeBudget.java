package io.headroom.intake;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the memory that concurrent decoding may take, counted in pixels held at once. A
 * decode that does not fit waits up to {@code maxWait}, then is refused with 503, rather than
 * letting many large uploads exhaust the heap together.
 */
public final class DecodeBudget {

    /** Permits are kilo-pixels so that budgets of billions of pixels fit in an int. */
    private static final long UNIT = 1024;

    private final Semaphore permits;
    private final int capacity;
    private final Duration maxWait;

    public DecodeBudget(long pixels, Duration maxWait) {
        if (pixels < UNIT) {
            throw new IllegalArgumentException("the decode budget must be at least 1024 pixels");
        }
        this.capacity = (int) Math.min(Integer.MAX_VALUE, pixels / UNIT);
        this.permits = new Semaphore(capacity, true);
        this.maxWait = maxWait;
    }

    /** A share of the budget, returned on close. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes {@code pixels} of the budget (a request larger than the whole budget takes all of it).
     *
     * @throws ProblemException 503 {@code busy} when it does not become free in time
     */
    public Lease acquire(long pixels) {
        int n = (int) Math.min(capacity, Math.max(1, (pixels + UNIT - 1) / UNIT));
        try {
            if (!permits.tryAcquire(n, maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ProblemException(ProblemType.BUSY,
                        "The appliance is busy reading other photos. Please try this upload again in a minute.", Duration.ofSeconds(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(ProblemType.BUSY, "The appliance is shutting down; please try again later.");
        }
        return () -> permits.release(n);
    }

    /** Pixels free now, for health reports and tests. */
    public long available() {
        return permits.availablePermits() * UNIT;
    }
}
