package io.headroom.it;

import static io.headroom.it.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The guards at the door: guessing tokens is rate-limited per address, and new data is refused
 * up front when the disk is below the reserve (here set far above any real disk).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GuardsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItDeployment.named("guards")
                .with("headroom.guard.max-failures", "3")
                .with("headroom.admission.disk-reserve", "1000000TiB")
                .with("headroom.admission.retry-after", "PT2M")
                .war();
    }

    @ArquillianResource
    URL base;

    @Test
    void guessingTokensIsRateLimitedPerAddress() {
        Api api = new Api(base);
        for (int i = 0; i < 3; i++) {
            api.get("api/sessions/guess" + i, bearer("guess")).problem(404, "not-found");
        }
        Api.Reply blocked = api.get("api/sessions/guess4", bearer("guess"));
        blocked.problem(429, "too-many-attempts");
        long retryAfter = Long.parseLong(blocked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 600, "within the 10-minute window: " + retryAfter);
    }

    @Test
    void lowDiskRefusesNewDataWithRetryAfter() {
        Api api = new Api(base);
        Api.Reply r = api.post("api/sessions", "{\"consent\": true}");
        r.problem(503, "insufficient-storage");
        assertEquals("120", r.header("Retry-After"));
    }
}
