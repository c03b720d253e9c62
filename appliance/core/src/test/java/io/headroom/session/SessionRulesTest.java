package io.headroom.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionRulesTest {

    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void deadlineIsCreationPlusRetention() {
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), RetentionPolicy.parse("PT24H").deadlineFor(now));
    }

    @Test
    void retentionBelowOneMinuteOrMalformedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RetentionPolicy.parse("PT59S"));
        assertThrows(IllegalArgumentException.class, () -> RetentionPolicy.parse("24 hours"));
        assertEquals(Duration.ofMinutes(1), RetentionPolicy.parse("PT1M").retention());
    }

    @Test
    void aPersonMayShortenTheDeadlineButNeverLengthenIt() {
        RetentionPolicy policy = RetentionPolicy.parse("PT24H");
        Instant current = policy.deadlineFor(now);
        assertEquals(now.plus(Duration.ofHours(1)), policy.shortened(current, now.plus(Duration.ofHours(1)), now));
        assertEquals(current, policy.shortened(current, current, now), "the same deadline is fine");
        IllegalArgumentException later = assertThrows(IllegalArgumentException.class,
                () -> policy.shortened(current, current.plusSeconds(1), now));
        assertTrue(later.getMessage().contains("never for more"), later.getMessage());
        assertThrows(IllegalArgumentException.class, () -> policy.shortened(current, now.plusSeconds(30), now), "not under a minute");
    }

    @Test
    void onlyTrueIsConsent() {
        for (Boolean b : new Boolean[] {null, Boolean.FALSE}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Consent.given(b, null, "2026-11", now));
            assertEquals(ProblemType.CONSENT_REQUIRED, e.type());
            assertEquals(400, e.type().status());
        }
    }

    @Test
    void consentRecordsShownVersionOrCurrentAndTime() {
        assertEquals(new Consent("2026-11", now), Consent.given(true, null, "2026-11", now));
        assertEquals(new Consent("v2", now), Consent.given(true, "v2", "2026-11", now));
    }

    @Test
    void malformedPolicyVersionIsABadRequest() {
        ProblemException e = assertThrows(ProblemException.class, () -> Consent.given(true, "<script>", "2026-11", now));
        assertEquals(ProblemType.INVALID_REQUEST, e.type());
    }
}
