package io.headroom.operator;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Lockout after repeated failed sign-ins: after {@code maxFailures} consecutive failures the
 * sign-in is locked for {@code duration}. A successful sign-in resets the count. What is locked is
 * an account for one client address ({@link SignInLockout}), so nobody can lock an operator out
 * from elsewhere.
 */
public record Lockout(int maxFailures, Duration duration) {

    public Lockout {
        if (maxFailures < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("lockout settings must be positive");
        }
    }

    /** The account's state after one more failure. */
    public AccountGuard afterFailure(AccountGuard current, Instant now) {
        int failures = current.failedAttempts() + 1;
        Instant lockedUntil = failures >= maxFailures ? now.plus(duration) : current.lockedUntil();
        return new AccountGuard(failures >= maxFailures ? 0 : failures, lockedUntil);
    }

    /**
     * Failed attempts since the last success and the end of the current lock, if any.
     *
     * @param lockedUntil null when never locked
     */
    public record AccountGuard(int failedAttempts, Instant lockedUntil) {

        public static final AccountGuard CLEAN = new AccountGuard(0, null);

        /** How long the account stays locked, if it is locked at {@code now}. */
        public Optional<Duration> lockedFor(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil)
                    ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
        }
    }
}
