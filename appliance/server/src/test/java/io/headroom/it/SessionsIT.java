package io.headroom.it;

import static io.headroom.it.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.HeadroomVersion;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Anonymous sessions on a real Payara Micro: consent, tokens, isolation, error format, health. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItDeployment.named("sessions").war();
    }

    @ArquillianResource
    URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    void consentOpensASessionWithAnUnguessableToken() {
        Instant before = Instant.now();
        Api.Reply r = api.post("api/sessions", "{\"consent\": true}");
        assertEquals(201, r.status(), r.raw().body());
        JsonObject s = r.json();
        String id = s.getString("id");
        String token = s.getString("token");
        assertTrue(r.header("Location").endsWith("/api/sessions/" + id), r.header("Location"));
        assertTrue(token.matches("[A-Za-z0-9_-]{43,}"), "at least 256 bits, URL-safe");
        assertTrue(s.getString("receiptId").matches("[A-Za-z0-9_-]{22,}"));
        Instant deletesAt = Instant.parse(s.getString("deletesAt"));
        assertTrue(!deletesAt.isBefore(before.plus(Duration.ofHours(24)).minusSeconds(5))
                && deletesAt.isBefore(Instant.now().plus(Duration.ofHours(24)).plusSeconds(5)), "default retention is 24 h");

        Api.Reply read = api.get("api/sessions/" + id, bearer(token));
        assertEquals(200, read.status(), read.raw().body());
        JsonObject view = read.json();
        assertEquals(id, view.getString("id"));
        assertEquals("open", view.getString("state"));
        assertEquals("2026-11", view.getString("policyVersion"), "the current notice when none is named");
        assertEquals(Instant.parse(s.getString("deletesAt")).toEpochMilli(), Instant.parse(view.getString("deletesAt")).toEpochMilli());
        assertTrue(!view.containsKey("token"), "the token is shown only once");
    }

    @Test
    void answersAreNeverCachedAndPagesMayLoadNothingFromElsewhere() {
        Api.Reply r = api.post("api/sessions", "{\"consent\": true}");
        assertEquals("no-store", r.header("Cache-Control"), "the answer carries a token");
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertTrue(r.header("Content-Security-Policy").startsWith("default-src 'self'"));
        assertEquals("no-referrer", r.header("Referrer-Policy"));
    }

    @Test
    void theNoticeVersionShownIsRecorded() {
        JsonObject s = api.post("api/sessions", "{\"consent\": true, \"policyVersion\": \"2027-01\"}").json();
        JsonObject view = api.get("api/sessions/" + s.getString("id"), bearer(s.getString("token"))).json();
        assertEquals("2027-01", view.getString("policyVersion"));
    }

    @Test
    void noConsentNoSession() {
        api.post("api/sessions", "{}").problem(400, "consent-required");
        api.post("api/sessions", "{\"consent\": false}").problem(400, "consent-required");
        api.post("api/sessions", "{\"consent\": null}").problem(400, "consent-required");
        assertEquals(400, api.post("api/sessions", "{\"consent\": [1]}").status());
        api.post("api/sessions", "{\"consent\": true, \"policyVersion\": \"<b>\"}").problem(400, "invalid-request");
    }

    @Test
    void aTokenOpensOnlyItsOwnSessionAndWrongOnesRevealNothing() {
        JsonObject a = api.openSession();
        JsonObject b = api.openSession();
        String aPath = "api/sessions/" + a.getString("id");
        assertEquals(200, api.get(aPath, bearer(a.getString("token"))).status());
        assertEquals(200, api.get("api/sessions/" + b.getString("id"), bearer(b.getString("token"))).status());

        JsonObject foreign = api.get(aPath, bearer(b.getString("token"))).problem(404, "not-found");
        JsonObject missing = api.get(aPath).problem(404, "not-found");
        JsonObject wrong = api.get(aPath, bearer(a.getString("token") + "x")).problem(404, "not-found");
        JsonObject unknown = api.get("api/sessions/doesnotexist", bearer(a.getString("token"))).problem(404, "not-found");
        JsonObject basic = api.get(aPath, "Authorization", "Basic YTpi").problem(404, "not-found");
        assertEquals(foreign, missing);
        assertEquals(foreign, wrong);
        assertEquals(foreign, unknown, "an unknown session looks exactly like a wrong token");
        assertEquals(foreign, basic);
        assertNotEquals(a.getString("token"), b.getString("token"));
    }

    @Test
    void everyErrorIsProblemJson() {
        api.get("api/no-such-thing").problem(404, "not-found");
        api.get("no-such-page").problem(404, "not-found");
        Api.Reply wrongMethod = api.send(HttpRequest.newBuilder(base(api, "api/sessions")).DELETE());
        wrongMethod.problem(405, "method-not-allowed");
        api.send(HttpRequest.newBuilder(base(api, "api/sessions")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("consent"))).problem(415, "unsupported-media-type");
        api.post("api/sessions", "{\"consent\": tru").problem(400, "invalid-request");
        api.post("api/operators/sign-in", "{\"name\": \"nobody\", \"password\": \"x\"}").problem(401, "unauthorized");
        api.get("api/admin/sessions").problem(401, "unauthorized");
    }

    private java.net.URI base(Api a, String path) {
        return java.net.URI.create(base.toString().endsWith("/") ? base + path : base + "/" + path);
    }

    @Test
    void healthIsUpAndReportsTheVersion() {
        Api.Reply r = api.getAbsolute(api.root().resolve("/health"));
        assertEquals(200, r.status(), r.raw().body());
        JsonObject health = r.json();
        assertEquals("UP", health.getString("status"));
        JsonObject ours = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("headroom")).findFirst().orElseThrow();
        assertEquals(HeadroomVersion.current(), ours.getJsonObject("data").getString("version"));
        assertEquals("13", ours.getJsonObject("data").getString("schema"));
        assertEquals("H2 " + System.getProperty("headroom.h2.version"), ours.getJsonObject("data").getString("database"),
                "the application's pinned H2 serves the database, not the server's bundled one");
    }
}
