package io.headroom.it;

import static io.headroom.it.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.operator.OperatorRole;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Limits with clear answers, from behind a trusted reverse proxy (the test is the proxy, on
 * loopback, and names each client in X-Forwarded-For): one client is limited while another is
 * served; a sign-in tells nothing about which names exist, and its lockout stays with the address
 * that failed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LimitsIT {

    private static final String PASSWORD = "correct horse battery staple";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItDeployment.named("limits")
                .with("headroom.http.trusted-proxies", "127.0.0.1, ::1")
                .with("headroom.limits.session-opens-per-minute", "2")
                .with("headroom.limits.upload-bytes-per-minute", "1MB")
                .with("headroom.operators.lockout.max-failures", "3")
                .with("headroom.guard.max-failures", "1000")
                .with("headroom.limits.jobs-per-session", "1")
                .with("headroom.limits.streams-per-session", "1")
                .withOperator("ada", OperatorRole.ADMIN, PASSWORD)
                .war();
    }

    @ArquillianResource
    URL base;

    private static String[] from(String client, String... more) {
        return Stream.concat(Stream.of("X-Forwarded-For", client), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void sessionOpensAreLimitedPerClientBehindTheProxy() {
        Api api = new Api(base);
        String consent = "{\"consent\": true}";
        assertEquals(201, api.post("api/sessions", consent, from("198.51.100.1")).status());
        assertEquals(201, api.post("api/sessions", consent, from("198.51.100.1")).status());
        Api.Reply limited = api.post("api/sessions", consent, from("198.51.100.1"));
        limited.problem(429, "too-many-requests");
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "within the minute: " + retryAfter);
        // Another client behind the same proxy is told apart and served.
        assertEquals(201, api.post("api/sessions", consent, from("198.51.100.2")).status());
        // A forged X-Forwarded-For hop on the client's side does not make a new client.
        api.post("api/sessions", consent, from("6.6.6.6, 198.51.100.1")).problem(429, "too-many-requests");
    }

    @Test
    void uploadsAreLimitedPerSessionAndARefusedUploadLeavesNothing() {
        Api api = new Api(base);
        JsonObject first = api.post("api/sessions", "{\"consent\": true}", from("203.0.113.1")).json();
        JsonObject second = api.post("api/sessions", "{\"consent\": true}", from("203.0.113.2")).json();
        byte[] photo = Photos.bytes("lisa_zoom_60cm.jpg"); // 0.8 MB of the 1 MB a minute
        String photos = "api/sessions/" + first.getString("id") + "/photos";
        assertEquals(201, api.postFiles(photos, "photo", List.of(photo), bearer(first.getString("token"))).status());

        Api.Reply limited = api.postFiles(photos, "photo", List.of(photo), bearer(first.getString("token")));
        limited.problem(429, "too-many-requests");
        assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1);
        assertEquals(1, api.get(photos, bearer(first.getString("token"))).structure().asJsonArray().size(), "nothing of it was kept");
        // The next session is not held back by the first one's budget.
        assertEquals(201, api.postFiles("api/sessions/" + second.getString("id") + "/photos", "photo", List.of(photo),
                bearer(second.getString("token"))).status());
    }

    @Test
    void anUnknownNameAndAWrongPasswordGetTheSameAnswerAndTheSameLock() {
        Api api = new Api(base);
        for (int attempt = 1; attempt <= 4; attempt++) {
            Api.Reply known = api.post("api/operators/sign-in", "{\"name\": \"ada\", \"password\": \"wrong\"}", from("192.0.2.1"));
            Api.Reply unknown = api.post("api/operators/sign-in", "{\"name\": \"nobody\", \"password\": \"wrong\"}", from("192.0.2.1"));
            String code = attempt < 3 ? "unauthorized" : "account-locked";
            int status = attempt < 3 ? 401 : 423;
            JsonObject a = known.problem(status, code);
            JsonObject b = unknown.problem(status, code);
            assertEquals(a.getString("detail"), b.getString("detail"), "attempt " + attempt);
            assertEquals(a.getString("title"), b.getString("title"));
            assertEquals(known.header("Retry-After") == null, unknown.header("Retry-After") == null);
        }
        // Locked for the address that failed, not for the operator at another one.
        api.post("api/operators/sign-in", "{\"name\": \"ada\", \"password\": \"" + PASSWORD + "\"}", from("192.0.2.1"))
                .problem(423, "account-locked");
        Api.Reply elsewhere = api.post("api/operators/sign-in", "{\"name\": \"ada\", \"password\": \"" + PASSWORD + "\"}",
                from("192.168.7.20"));
        assertEquals(200, elsewhere.status(), elsewhere.raw().body());
        String token = elsewhere.json().getString("token");
        // The lock is in the audit log, for both names.
        String audit = api.get("api/admin/audit", bearer(token)).raw().body();
        assertTrue(audit.contains("operator ada locked for one client address"), audit);
        assertTrue(audit.contains("an unknown operator name locked for one client address"), audit);
    }

    @Test
    void oversizedOrDeepBodiesAndAbsurdDurationsAreA4xxNeverA500() {
        Api api = new Api(base);
        JsonObject s = api.post("api/sessions", "{\"consent\": true}", from("203.0.113.50")).json();
        String big = "{\"consent\": true, \"policyVersion\": \"" + "x".repeat(100_000) + "\"}";
        api.post("api/sessions", big, from("203.0.113.51")).problem(413, "request-too-large");
        String deep = "[".repeat(30_000) + "]".repeat(30_000);
        api.post("api/sessions", deep, from("203.0.113.52")).problem(400, "invalid-request");
        String deadline = "api/sessions/" + s.getString("id") + "/deadline";
        for (String body : List.of("{\"in\": \"PT99999999999999H\"}", "{\"in\": \"P999999999D\"}",
                "{\"deletesAt\": \"+999999999-12-31T23:59:59Z\"}", "{\"in\": 12}", "[]", "null")) {
            api.post(deadline, body, from("203.0.113.50", bearer(s.getString("token")))).problem(400, "invalid-request");
        }
        String jobs = "api/sessions/" + s.getString("id") + "/jobs";
        api.post(jobs, "{\"styles\": [\"natural\"], \"photos\": [" + "\"x\",".repeat(2000) + "\"x\"]}",
                from("203.0.113.50", bearer(s.getString("token")))).problem(409, "no-photos");
    }

    @Test
    void aSessionHasAtMostItsJobsAndStreamsWhileAnotherSessionIsServed() throws Exception {
        Api api = new Api(base);
        JsonObject s = api.post("api/sessions", "{\"consent\": true}", from("192.0.2.60")).json();
        JsonObject other = api.post("api/sessions", "{\"consent\": true}", from("192.0.2.61")).json();
        String[] auth = bearer(s.getString("token"));
        String[] otherAuth = bearer(other.getString("token"));
        String session = "api/sessions/" + s.getString("id");
        assertEquals(201, api.postFiles(session + "/photos", "photo", List.of(Photos.bytes("london_005_neutral.jpg")), auth).status());
        assertEquals(201, api.postFiles("api/sessions/" + other.getString("id") + "/photos", "photo",
                List.of(Photos.bytes("lisa_webcam_01.jpg")), otherAuth).status());
        // Three styles with cut-outs: a job of some seconds, far longer than the requests below.
        String job = "{\"styles\": [\"natural\", \"creative/high-key-bw\", \"corporate/navy-gradient\"], \"cutout\": true}";
        Api.Reply first = api.post(session + "/jobs", job, auth);
        assertEquals(202, first.status(), first.raw().body());
        Api.Reply second = api.post(session + "/jobs", job, auth);
        second.problem(429, "too-many-jobs");
        assertTrue(Long.parseLong(second.header("Retry-After")) >= 1);
        assertEquals(202, api.post("api/sessions/" + other.getString("id") + "/jobs", "{\"styles\": [\"natural\"]}", otherAuth).status(),
                "another session's job is taken");

        String events = session + "/jobs/" + first.json().getString("id") + "/events";
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpResponse<java.util.stream.Stream<String>> open = client.send(java.net.http.HttpRequest.newBuilder(
                        new java.net.URI(base.toString() + events)).header("Accept", "text/event-stream").header(auth[0], auth[1]).build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, open.statusCode());
        Api.Reply another = api.get(events, auth);
        another.problem(429, "too-many-requests");
        // The first stream ends with its job; then its place is free again.
        List<String> rest = open.body().filter(l -> l.startsWith("data:")).filter(l -> l.contains("\"done\"") || l.contains("\"failed\""))
                .limit(1).toList();
        assertEquals(1, rest.size(), "the stream ran to the job's end");
        open.body().close();
        List<String> again = api.events(events, d -> d.contains("\"done\"") || d.contains("\"failed\""), auth);
        assertTrue(again.get(again.size() - 1).contains("\"done\""), again.toString());
    }
}
