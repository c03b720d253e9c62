package io.headroom.server.problem;

import io.headroom.problem.ProblemType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** Builds problem+json responses; the one place that knows their shape. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemType type, String detail) {
        return builder(type, detail).build();
    }

    public static Response.ResponseBuilder builder(ProblemType type, String detail) {
        return Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(type, detail));
    }

    public static Response withRetryAfter(ProblemType type, String detail, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return builder(type, detail).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }
}
