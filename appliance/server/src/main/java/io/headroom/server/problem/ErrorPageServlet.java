package io.headroom.server.problem;

import io.headroom.problem.ProblemType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors outside the REST API (an unknown page, a failure before JAX-RS is reached) as
 * problem+json too, instead of the server's HTML page with its name and version in it.
 * Registered as the error page for every status in {@code web.xml}.
 */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemType type = ProblemType.forStatus(status);
        String detail;
        if (error != null || status >= 500) {
            String incident = java.util.UUID.randomUUID().toString();
            if (error != null) {
                LOG.log(Level.SEVERE, "Unexpected error outside the API, incident " + incident + ": " + error.getClass().getName());
            }
            detail = Problem.unexpectedDetail(incident);
            status = type.status() >= 500 ? type.status() : 500;
            type = ProblemType.forStatus(status);
        } else {
            detail = status == 404 ? Problem.NOTHING_HERE : type.title() + ".";
        }
        response.resetBuffer();
        response.setStatus(type.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.toJson(Problem.of(type, detail)));
    }
}
