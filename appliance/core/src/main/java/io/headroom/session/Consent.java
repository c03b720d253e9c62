package io.headroom.session;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A person's consent to processing: which version of the privacy notice they were shown and
 * when they agreed. A session cannot exist without it.
 */
public record Consent(String policyVersion, Instant givenAt) {

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Consent {
        if (policyVersion == null || !VERSION.matcher(policyVersion).matches()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "policyVersion names the privacy notice shown, in 1 to 64 letters, digits, dots, dashes or underscores.");
        }
    }

    /**
     * Consent as requested by a client.
     *
     * @param consent        what the client sent; only {@code true} is consent
     * @param policyVersion  the notice the person saw, or null for the current one
     * @param currentVersion the notice the appliance shows now
     * @throws ProblemException 400 {@code consent-required} unless consent is {@code true}
     */
    public static Consent given(Boolean consent, String policyVersion, String currentVersion, Instant now) {
        if (!Boolean.TRUE.equals(consent)) {
            throw new ProblemException(ProblemType.CONSENT_REQUIRED,
                    "Headroom processes your photos only with your consent. Send {\"consent\": true} after reading the privacy notice.");
        }
        return new Consent(policyVersion == null ? currentVersion : policyVersion, now);
    }
}
