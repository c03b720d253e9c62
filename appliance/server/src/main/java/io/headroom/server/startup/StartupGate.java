package io.headroom.server.startup;

import io.headroom.problem.ProblemType;
import io.headroom.server.problem.Problem;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Nothing is served before start-up has finished (sessions whose deadline passed while the
 * appliance was down purged, keys and storage open) or once shutdown has begun: until then every
 * request gets {@code 503} with a short {@code Retry-After}, whatever part of the application the
 * container has already made reachable.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class StartupGate extends HttpFilter {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    ApplianceStartup startup;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (startup.ready()) {
            chain.doFilter(request, response);
            return;
        }
        response.resetBuffer();
        response.setStatus(ProblemType.BUSY.status());
        response.setHeader("Retry-After", "5");
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.toJson(Problem.of(ProblemType.BUSY,
                "The appliance is starting (or stopping). Please try again in a few seconds.")));
    }
}
