package io.headroom.operator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted per operator name <em>and</em> client address: five wrong passwords from
 * one address lock that name for that address only, so an outsider cannot lock an admin out from
 * everywhere, and the operator at the studio's desk still signs in. Names that do not exist are
 * counted and locked exactly like real ones, so the answers never tell whether a name exists.
 *
 * <p>Kept in memory, bounded: at most {@code maxTracked} pairs; when full, pairs that are not
 * locked are forgotten first (their partial counts), locked ones stay until their lock ends. A
 * restart forgets every count; the per-address guessing limit still applies.
 */
public final class SignInLockout {

    private final Lockout lockout;
    private final int maxTracked;
    private final Clock clock;
    private final ConcurrentHashMap<String, Lockout.AccountGuard> guards = new ConcurrentHashMap<>();

    public SignInLockout(Lockout lockout, int maxTracked, Clock clock) {
        if (maxTracked < 1) {
            throw new IllegalArgumentException("maxTracked must be positive");
        }
        this.lockout = lockout;
        this.maxTracked = maxTracked;
        this.clock = clock;
    }

    private static String key(String name, String client) {
        return name + "\n" + client;
    }

    /** How long {@code name} stays locked for {@code client}, if it is locked now. */
    public Optional<Duration> lockedFor(String name, String client) {
        Lockout.AccountGuard g = guards.get(key(name, client));
        return g == null ? Optional.empty() : g.lockedFor(clock.instant()).map(SignInLockout::atLeastOneSecond);
    }

    /**
     * One more failure of {@code name} from {@code client}; returns the lock it caused, if this
     * failure locked it.
     */
    public Optional<Duration> failed(String name, String client) {
        Instant now = clock.instant();
        if (guards.size() >= maxTracked) {
            guards.entrySet().removeIf(e -> e.getValue().lockedFor(now).isEmpty());
        }
        Lockout.AccountGuard after = guards.compute(key(name, client),
                (k, g) -> lockout.afterFailure(g == null || g.lockedUntil() != null && g.lockedFor(now).isEmpty()
                        ? Lockout.AccountGuard.CLEAN : g, now));
        return after.lockedFor(now).map(SignInLockout::atLeastOneSecond);
    }

    /** A successful sign-in: the pair's count starts again. */
    public void succeeded(String name, String client) {
        guards.remove(key(name, client));
    }

    private static Duration atLeastOneSecond(Duration d) {
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
    }
}
