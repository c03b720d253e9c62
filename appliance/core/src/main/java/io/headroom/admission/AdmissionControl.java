package io.headroom.admission;

import io.headroom.config.ByteSize;
import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import java.time.Duration;

/**
 * Decides whether a request that adds data may start, so it is refused up front with 503 and
 * {@code Retry-After} rather than failing half-way through: when free disk space under the data
 * directory is below the reserve, or the work queue is full.
 */
public final class AdmissionControl {

    private final FreeSpace freeSpace;
    private final ByteSize reserve;
    private final QueueLoad queue;
    private final Duration retryAfter;

    public AdmissionControl(FreeSpace freeSpace, ByteSize reserve, QueueLoad queue, Duration retryAfter) {
        this.freeSpace = freeSpace;
        this.reserve = reserve;
        this.queue = queue;
        this.retryAfter = retryAfter;
    }

    /**
     * Returns normally when new data may be accepted.
     *
     * @throws ProblemException 503 {@code insufficient-storage} or {@code busy}, with retry-after
     */
    public void admit() {
        if (freeSpace.usableBytes() < reserve.bytes()) {
            throw new ProblemException(ProblemType.INSUFFICIENT_STORAGE,
                    "The appliance is running out of disk space and cannot accept new data right now. "
                            + "Please try again later; the operator has been told.", retryAfter);
        }
        if (queue.queued() >= queue.capacity()) {
            throw new ProblemException(ProblemType.BUSY,
                    "The appliance has as much work queued as it can take. Please try again in a few minutes.", retryAfter);
        }
    }
}
