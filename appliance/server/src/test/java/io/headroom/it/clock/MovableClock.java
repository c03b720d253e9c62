package io.headroom.it.clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test-only (added to an IT's deployment, never shipped): the application's clock, which a test
 * moves forward through {@link ClockResource} instead of sleeping through a real deadline.
 */
@ApplicationScoped
@Alternative
@Priority(100)
public class MovableClock {

    static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    @Produces
    @Singleton
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(OFFSET.get()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            }
        };
    }
}
