package io.headroom.it;

import static io.headroom.it.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.operator.OperatorRole;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clock sense: the wall clock set back by two hours (the movable clock; real time goes on) is
 * noticed within the retention timer's next look, logged to the audit log and shown on /health as
 * a warning; set forward, it is recorded and what became due is purged.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClockIT {

    private static final String PASSWORD = "correct horse battery staple";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItDeployment.named("clock").withMovableClock().withOperator("ada", OperatorRole.ADMIN, PASSWORD).war();
    }

    @ArquillianResource
    URL base;

    @Test
    void aClockSetBackIsAWarningOnHealthAndInTheAuditLogAndOneSetForwardPurgesWhatIsDue() {
        Api api = new Api(base);
        assertFalse(headroom(api).containsKey("clockJumpedBack"));

        assertEquals(204, api.post("api/test/clock?advance=-PT2H", null).status());
        assertTrue(Eventually.holds(() -> headroom(api).containsKey("clockJumpedBack"), Duration.ofSeconds(30)), headroom(api).toString());
        JsonObject health = headroom(api);
        assertEquals("PT2H", health.getString("clockJumpedBack"));
        assertTrue(health.getString("warning").contains("the wall clock went back by PT2H"), health.toString());
        String token = api.post("api/operators/sign-in", "{\"name\": \"ada\", \"password\": \"" + PASSWORD + "\"}").json().getString("token");
        assertTrue(api.get("api/admin/audit", bearer(token)).raw().body().contains("\"clock-jumped-back\""));

        // Forward again, past a session's deadline (24 hours): it is purged at once.
        JsonObject session = api.openSession();
        assertEquals(204, api.post("api/test/clock?advance=PT26H", null).status());
        assertTrue(Eventually.holds(() -> api.get("api/sessions/" + session.getString("id"), bearer(session.getString("token"))).status() == 404
                && api.get("api/receipts/" + session.getString("receiptId")).status() == 200, Duration.ofSeconds(30)), "purged with its receipt");
        // A console sign-in lasts 12 hours of the clock: sign in again after the 26.
        token = api.post("api/operators/sign-in", "{\"name\": \"ada\", \"password\": \"" + PASSWORD + "\"}").json().getString("token");
        String audit = api.get("api/admin/audit", bearer(token)).raw().body();
        assertTrue(audit.contains("\"clock-jumped-forward\""), audit);
    }

    private static JsonObject headroom(Api api) {
        Api.Reply r = api.getAbsolute(api.root().resolve("/health"));
        assertEquals(200, r.status(), r.raw().body());
        return r.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("headroom")).findFirst().orElseThrow().getJsonObject("data");
    }
}
