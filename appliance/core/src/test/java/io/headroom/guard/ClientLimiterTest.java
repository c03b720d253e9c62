package io.headroom.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));

    @Test
    void networksArePrefixesOfTheirAddresses() {
        assertEquals("203.0.113.0/24", NetworkPrefix.of("203.0.113.77"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", NetworkPrefix.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals("not-an-address", NetworkPrefix.of("not-an-address"));
    }

    @Test
    void aRateLimitCountsEachAddressApart() {
        ClientLimiter opens = new ClientLimiter(2, Duration.ofMinutes(1), 100, clock);
        assertTrue(opens.tryAcquire("198.51.100.1").isEmpty());
        assertTrue(opens.tryAcquire("198.51.100.1").isEmpty());
        assertTrue(opens.tryAcquire("198.51.100.1").isPresent(), "the third in a minute waits");
        assertTrue(opens.tryAcquire("198.51.100.2").isEmpty(), "a neighbour is served meanwhile");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(opens.tryAcquire("198.51.100.1").isEmpty(), "a new minute");
    }

    @Test
    void aFloodOfAddressesLimitsItsOwnNetworksNotEveryone() {
        ClientLimiter guesses = new ClientLimiter(3, Duration.ofMinutes(10), 4, clock);
        // Four addresses of one /24 fill every slot with live counts.
        for (int i = 1; i <= 4; i++) {
            guesses.record("203.0.113." + i, 1);
        }
        // More of the flood: counted together under 203.0.113.0/24, which soon waits…
        for (int i = 5; i <= 7; i++) {
            assertTrue(guesses.blockedFor("203.0.113." + i).isEmpty());
            guesses.record("203.0.113." + i, 1);
        }
        assertTrue(guesses.blockedFor("203.0.113.99").isPresent(), "the flooding network is limited");
        // …while a person elsewhere is not refused (the old limiter failed closed for everyone here).
        assertTrue(guesses.blockedFor("198.51.100.1").isEmpty());
        assertTrue(guesses.blockedFor("203.0.113.1").isEmpty(), "an address counted on its own keeps its own count");
    }

    @Test
    void amountsCountTowardsTheBudget() {
        AttemptLimiter bytes = new AttemptLimiter(1000, Duration.ofMinutes(1), 10, clock);
        bytes.record("s", 600);
        assertTrue(bytes.blockedFor("s").isEmpty());
        bytes.record("s", 600);
        assertTrue(bytes.blockedFor("s").isPresent());
    }
}
