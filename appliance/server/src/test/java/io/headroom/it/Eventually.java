package io.headroom.it;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting for the running appliance (another process) to reach a state the test can only poll for. */
final class Eventually {

    private Eventually() {
    }

    /** Whether {@code condition} holds within {@code within}, asked every 100 ms. */
    static boolean holds(BooleanSupplier condition, Duration within) {
        Instant end = Instant.now().plus(within);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // between polls of another process
        }
        return condition.getAsBoolean();
    }
}
