package io.headroom.guard;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A budget per client address that degrades gracefully: addresses are counted one by one while
 * there is room for them ({@code maxKeys}); once every slot holds a live count, a new address is
 * counted together with its network ({@link NetworkPrefix}: /24, /64), so a flood from many
 * addresses limits its own networks instead of everyone. Only when the networks' table is full as
 * well is a new network refused until windows expire.
 */
public final class ClientLimiter {

    private final AttemptLimiter addresses;
    private final AttemptLimiter networks;

    public ClientLimiter(long limit, Duration window, int maxKeys, Clock clock) {
        this.addresses = new AttemptLimiter(limit, window, maxKeys, clock);
        this.networks = new AttemptLimiter(limit, window, maxKeys, clock);
    }

    /** How long {@code client} must wait before it may go on, or empty if it may go on now. */
    public Optional<Duration> blockedFor(String client) {
        return addresses.admits(client) ? addresses.blockedFor(client) : networks.blockedFor(NetworkPrefix.of(client));
    }

    /** Counts {@code amount} (an attempt, a request, bytes) against {@code client}. */
    public void record(String client, long amount) {
        if (addresses.admits(client)) {
            addresses.record(client, amount);
        } else {
            networks.record(NetworkPrefix.of(client), amount);
        }
    }

    /** As a rate limit: the wait, or empty after counting this one request. */
    public Optional<Duration> tryAcquire(String client) {
        Optional<Duration> wait = blockedFor(client);
        if (wait.isEmpty()) {
            record(client, 1);
        }
        return wait;
    }
}
