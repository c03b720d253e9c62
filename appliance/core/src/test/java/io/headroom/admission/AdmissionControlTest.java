package io.headroom.admission;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.headroom.config.ByteSize;
import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdmissionControlTest {

    private static QueueLoad queue(int queued, int capacity) {
        return new QueueLoad() {
            @Override
            public int queued() {
                return queued;
            }

            @Override
            public int capacity() {
                return capacity;
            }
        };
    }

    @Test
    void admitsWhenDiskAboveReserveAndQueueHasRoom() {
        AdmissionControl a = new AdmissionControl(() -> 2_000, new ByteSize(1_000), queue(3, 4), Duration.ofSeconds(30));
        assertDoesNotThrow(a::admit);
    }

    @Test
    void refusesBelowDiskReserveWithRetryAfter() {
        AdmissionControl a = new AdmissionControl(() -> 999, new ByteSize(1_000), QueueLoad.IDLE, Duration.ofSeconds(30));
        ProblemException e = assertThrows(ProblemException.class, a::admit);
        assertEquals(ProblemType.INSUFFICIENT_STORAGE, e.type());
        assertEquals(503, e.type().status());
        assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
    }

    @Test
    void refusesWhenQueueFull() {
        AdmissionControl a = new AdmissionControl(() -> Long.MAX_VALUE, new ByteSize(0), queue(4, 4), Duration.ofSeconds(5));
        ProblemException e = assertThrows(ProblemException.class, a::admit);
        assertEquals(ProblemType.BUSY, e.type());
        assertEquals(Optional.of(Duration.ofSeconds(5)), e.retryAfter());
    }
}
