package io.headroom.server.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The one clock the application uses, injected so that nothing calls {@code Instant.now()} directly. */
@ApplicationScoped
public class SystemClock {

    // Singleton, not ApplicationScoped: Clock need not be proxied.
    @Produces
    @Singleton
    Clock clock() {
        // Millisecond ticks: the database keeps milliseconds, so an answer given at creation
        // matches what a later read returns.
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
