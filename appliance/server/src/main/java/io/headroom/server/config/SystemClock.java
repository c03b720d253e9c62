package io.headroom.server.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one clock the application uses, injected so that nothing calls {@code Instant.now()} directly. */
@ApplicationScoped
public class SystemClock {

    // Singleton, not ApplicationScoped: Clock need not be proxied.
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
