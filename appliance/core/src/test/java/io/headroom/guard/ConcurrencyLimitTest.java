package io.headroom.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {

    @Test
    void aStepBeyondThePermitsGets429AndRunsOnceOneIsFree() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, Duration.ofMillis(50), "busy hashing");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> limit.run(() -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }));
        running.await();

        ProblemException e = assertThrows(ProblemException.class, () -> limit.run(() -> "second"));
        assertEquals(ProblemType.TOO_MANY_REQUESTS, e.type());
        assertEquals(Duration.ofSeconds(1), e.retryAfter().orElseThrow());

        release.countDown();
        assertEquals("first", first.get());
        assertEquals("third", limit.run(() -> "third"), "the permit came back");
    }
}
