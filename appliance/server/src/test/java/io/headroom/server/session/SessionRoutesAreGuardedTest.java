package io.headroom.server.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint under {@code /sessions/{id}} is a {@link SessionRoute}: one that forgot it would
 * read {@link CurrentSession} unresolved (a 500) or, worse, serve without the token.
 */
class SessionRoutesAreGuardedTest {

    @Test
    void everyEndpointOfASessionNeedsItsToken() {
        List<String> routes = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (Class<?> c : io.headroom.server.CompiledClasses.all()) {
            Path base = c.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                boolean endpoint = m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class)
                        || m.isAnnotationPresent(PUT.class) || m.isAnnotationPresent(DELETE.class);
                Path sub = m.getAnnotation(Path.class);
                String full = (base.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/").replaceFirst("^/", "");
                if (endpoint && full.startsWith("sessions/{id}")) {
                    routes.add(c.getSimpleName() + "." + m.getName());
                    if (!m.isAnnotationPresent(SessionRoute.class) && !c.isAnnotationPresent(SessionRoute.class)) {
                        open.add(c.getSimpleName() + "." + m.getName() + " " + full);
                    }
                }
            }
        }
        assertTrue(routes.size() >= 13, "the scan found the session endpoints: " + routes);
        assertTrue(open.isEmpty(), "session endpoints without @SessionRoute: " + open);
    }
}
