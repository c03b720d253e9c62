package io.headroom.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LockoutTest {

    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Lockout lockout = new Lockout(3, Duration.ofMinutes(15));

    @Test
    void locksAfterMaxConsecutiveFailures() {
        Lockout.AccountGuard g = Lockout.AccountGuard.CLEAN;
        g = lockout.afterFailure(g, t0);
        g = lockout.afterFailure(g, t0);
        assertTrue(g.lockedFor(t0).isEmpty());
        g = lockout.afterFailure(g, t0);
        assertEquals(Optional.of(Duration.ofMinutes(15)), g.lockedFor(t0));
        assertEquals(Optional.of(Duration.ofMinutes(5)), g.lockedFor(t0.plus(Duration.ofMinutes(10))));
        assertTrue(g.lockedFor(t0.plus(Duration.ofMinutes(15))).isEmpty(), "unlocks when the time is up");
    }

    @Test
    void afterALockTheCountStartsAgain() {
        Lockout.AccountGuard g = Lockout.AccountGuard.CLEAN;
        for (int i = 0; i < 3; i++) {
            g = lockout.afterFailure(g, t0);
        }
        Instant later = t0.plus(Duration.ofMinutes(16));
        g = lockout.afterFailure(g, later);
        assertTrue(g.lockedFor(later).isEmpty(), "one failure after the lock ends does not lock again");
        assertEquals(1, g.failedAttempts());
    }

    @Test
    void rolesAndNames() {
        assertEquals(java.util.EnumSet.of(OperatorRole.OPERATOR, OperatorRole.ADMIN), OperatorRole.ADMIN.granted());
        assertEquals(java.util.EnumSet.of(OperatorRole.OPERATOR), OperatorRole.OPERATOR.granted());
        assertEquals(OperatorRole.ADMIN, OperatorRole.of("admin"));
        assertThrows(IllegalArgumentException.class, () -> OperatorRole.of("root"));
        assertThrows(IllegalArgumentException.class, () -> new OperatorName("with space"));
        assertThrows(IllegalArgumentException.class, () -> new OperatorName(""));
        assertEquals("ada.l@studio", new OperatorName("ada.l@studio").value());
    }
}
