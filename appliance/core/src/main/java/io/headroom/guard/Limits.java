package io.headroom.guard;

import io.headroom.config.ByteSize;

/**
 * The appliance's limits on what one visitor may take ({@code headroom.limits.*}).
 *
 * @param sessionOpensPerMinute sessions one client address may open per minute
 * @param jobsPerSession        queued or running jobs one session may have at once
 * @param streamsPerSession     progress streams (SSE) one session may hold open at once
 * @param uploadPerMinute       bytes one session may upload per minute
 * @param signInConcurrency     sign-ins whose password hash is computed at once, across all clients
 */
public record Limits(int sessionOpensPerMinute, int jobsPerSession, int streamsPerSession, ByteSize uploadPerMinute,
                     int signInConcurrency) {

    public Limits {
        if (sessionOpensPerMinute < 1 || jobsPerSession < 1 || streamsPerSession < 1 || uploadPerMinute.bytes() < 1
                || signInConcurrency < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
