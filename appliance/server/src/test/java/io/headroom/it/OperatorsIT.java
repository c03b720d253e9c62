package io.headroom.it;

import static io.headroom.it.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.operator.OperatorRole;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Operators on an appliance where sessions need an invitation: sign-in, roles, lockout,
 * sign-out, invitations and the sessions overview. Each test uses its own account.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperatorsIT {

    private static final String PASSWORD = "a long studio password";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItDeployment.named("operators")
                .with("headroom.sessions.open", "false")
                .with("headroom.operators.lockout.max-failures", "3")
                .with("headroom.guard.max-failures", "1000")
                .withOperator("ada", OperatorRole.ADMIN, PASSWORD)
                .withOperator("bob", OperatorRole.OPERATOR, PASSWORD)
                .withOperator("cy", OperatorRole.OPERATOR, PASSWORD)
                .withOperator("dee", OperatorRole.OPERATOR, PASSWORD)
                .withOperator("eve", OperatorRole.OPERATOR, PASSWORD)
                .war();
    }

    @ArquillianResource
    URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    private String signIn(String name) {
        Api.Reply r = api.post("api/operators/sign-in", "{\"name\": \"" + name + "\", \"password\": \"" + PASSWORD + "\"}");
        assertEquals(200, r.status(), r.raw().body());
        return r.json().getString("token");
    }

    @Test
    void operatorsSignInAndGetTheirRoles() {
        Api.Reply admin = api.get("api/admin/me", bearer(signIn("ada")));
        assertEquals(200, admin.status(), admin.raw().body());
        assertEquals("admin", admin.json().getString("role"));
        Api.Reply operator = api.get("api/admin/me", bearer(signIn("bob")));
        assertEquals("operator", operator.json().getString("role"));
        assertEquals("bob", operator.json().getString("name"));
    }

    @Test
    void theConsoleNeedsAValidOperatorToken() {
        Api.Reply none = api.get("api/admin/sessions");
        none.problem(401, "unauthorized");
        assertTrue(none.header("WWW-Authenticate").startsWith("Bearer"));
        api.get("api/admin/sessions", bearer("not-a-token")).problem(401, "unauthorized");
        api.post("api/admin/invitations", null).problem(401, "unauthorized");
        // A person's session token is no operator token.
        JsonObject invitation = api.post("api/admin/invitations", null, bearer(signIn("ada"))).json();
        JsonObject s = api.post("api/sessions", "{\"consent\": true, \"invitation\": \"" + invitation.getString("code") + "\"}").json();
        api.get("api/admin/sessions", bearer(s.getString("token"))).problem(401, "unauthorized");
    }

    @Test
    void anAdminSeesThePluginsAndReloadsThem() {
        String admin = signIn("ada");
        Api.Reply listed = api.get("api/admin/plugins", bearer(admin));
        assertEquals(200, listed.status(), listed.raw().body());
        java.util.Map<String, JsonObject> byId = new java.util.HashMap<>();
        assertTrue(listed.json().getBoolean("signaturesRequired"), "signatures are required by default");
        assertEquals(1, listed.json().getJsonArray("trustedKeys").size(), "the build's signing key: " + listed.raw().body());
        String buildKey = listed.json().getJsonArray("trustedKeys").getJsonObject(0).getString("id");
        for (JsonObject p : listed.json().getJsonArray("plugins").getValuesAs(JsonObject.class)) {
            byId.put(p.getString("id"), p);
        }
        for (String id : java.util.List.of("storage-localfs", "style-corporate", "style-creative")) {
            JsonObject p = byId.get(id);
            assertEquals("started", p.getString("state"), id + ": " + listed.raw().body());
            assertEquals("Apache-2.0", p.getString("licence"));
            assertEquals("Headroom", p.getString("provider"));
            assertFalse(p.getString("version").isBlank());
            assertEquals("signed by key " + buildKey, p.getString("trust"));
            assertEquals(64, p.getString("sha256").length());
            assertEquals(id.startsWith("style-") ? "style-pack" : "storage-driver", p.getString("kind"));
        }
        Api.Reply reloaded = api.post("api/admin/plugins/reload", null, bearer(admin));
        assertEquals(200, reloaded.status(), reloaded.raw().body());
        assertEquals(0, reloaded.json().getJsonArray("loaded").size(), "nothing changed in the folder");
        assertEquals(0, reloaded.json().getJsonArray("unloaded").size());
        // Plugins are the admin's business, not every operator's.
        assertEquals(403, api.get("api/admin/plugins", bearer(signIn("bob"))).status());
        assertEquals(401, api.post("api/admin/plugins/reload", null).status());
    }

    @Test
    void wrongPasswordsLockTheAccount() {
        String wrong = "{\"name\": \"cy\", \"password\": \"not the password\"}";
        api.post("api/operators/sign-in", wrong).problem(401, "unauthorized");
        api.post("api/operators/sign-in", wrong).problem(401, "unauthorized");
        Api.Reply locked = api.post("api/operators/sign-in", wrong);
        locked.problem(423, "account-locked");
        assertTrue(Long.parseLong(locked.header("Retry-After")) > 0);
        // Even the right password is refused while locked.
        api.post("api/operators/sign-in", "{\"name\": \"cy\", \"password\": \"" + PASSWORD + "\"}").problem(423, "account-locked");
        // An unknown name reads like a wrong password.
        JsonObject unknown = api.post("api/operators/sign-in", "{\"name\": \"zed\", \"password\": \"x\"}").problem(401, "unauthorized");
        assertEquals("The operator name or password is wrong.", unknown.getString("detail"));
    }

    @Test
    void signingOutRevokesTheToken() {
        String token = signIn("dee");
        assertEquals(200, api.get("api/admin/me", bearer(token)).status());
        assertEquals(204, api.post("api/operators/sign-out", null, bearer(token)).status());
        api.get("api/admin/me", bearer(token)).problem(401, "unauthorized");
    }

    @Test
    void invitationsAreNeededAndWorkOnce() {
        api.post("api/sessions", "{\"consent\": true}").problem(403, "invitation-required");
        api.post("api/sessions", "{\"consent\": true, \"invitation\": \"made-up\"}").problem(403, "invitation-invalid");

        Api.Reply issued = api.post("api/admin/invitations", null, bearer(signIn("eve")));
        assertEquals(201, issued.status(), issued.raw().body());
        String code = issued.json().getString("code");
        assertTrue(code.matches("[A-Za-z0-9_-]{22,}"));
        assertNotNull(issued.json().getString("expiresAt"));

        String withCode = "{\"consent\": true, \"invitation\": \"" + code + "\"}";
        api.post("api/sessions", "{\"consent\": false, \"invitation\": \"" + code + "\"}").problem(400, "consent-required");
        Api.Reply opened = api.post("api/sessions", withCode);
        assertEquals(201, opened.status(), "a refused attempt did not spend the code: " + opened.raw().body());
        api.post("api/sessions", withCode).problem(403, "invitation-invalid");
    }

    @Test
    void theSessionsOverviewHasCountsAndDeadlinesButNoPersonalData() {
        String token = signIn("ada");
        JsonObject invitation = api.post("api/admin/invitations", null, bearer(token)).json();
        JsonObject s = api.post("api/sessions", "{\"consent\": true, \"invitation\": \"" + invitation.getString("code") + "\"}").json();

        Api.Reply r = api.get("api/admin/sessions?limit=1000", bearer(token));
        assertEquals(200, r.status(), r.raw().body());
        JsonObject overview = r.json();
        assertTrue(overview.getJsonNumber("total").longValue() >= 1);
        assertTrue(overview.getJsonObject("byState").getJsonNumber("open").longValue() >= 1);
        JsonObject listed = overview.getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
                .filter(x -> x.getString("id").equals(s.getString("id"))).findFirst().orElseThrow();
        assertEquals(s.getString("deletesAt").substring(0, 19), listed.getString("deletesAt").substring(0, 19));
        assertEquals("open", listed.getString("state"));
        assertFalse(r.raw().body().contains(s.getString("token")));
        assertFalse(listed.containsKey("policyVersion") || listed.containsKey("token") || listed.containsKey("receiptId"));
    }

    @Test
    void theAuditLogRecordsEventsWithoutPersonalDataAndItsChainIsWhole() {
        String token = signIn("ada");
        JsonObject invitation = api.post("api/admin/invitations", null, bearer(token)).json();
        JsonObject s = api.post("api/sessions", "{\"consent\": true, \"invitation\": \"" + invitation.getString("code") + "\"}").json();
        assertEquals(204, api.delete("api/sessions/" + s.getString("id"), bearer(s.getString("token"))).status());

        api.get("api/admin/audit").problem(401, "unauthorized");
        Api.Reply r = api.get("api/admin/audit", bearer(token));
        assertEquals(200, r.status(), r.raw().body());
        JsonObject audit = r.json();
        assertTrue(audit.getBoolean("intact"), r.raw().body());
        java.util.List<String> events = audit.getJsonArray("entries").getValuesAs(JsonObject.class).stream().map(e -> e.getString("event")).toList();
        assertTrue(events.containsAll(java.util.List.of("plugins-loaded", "appliance-started", "session-created", "session-purged")), events.toString());
        // Concurrent events queue for their place in the chain instead of colliding.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> opened = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                opened.add(pool.submit(() -> {
                    JsonObject code = api.post("api/admin/invitations", null, bearer(token)).json();
                    return api.post("api/sessions", "{\"consent\": true, \"invitation\": \"" + code.getString("code") + "\"}").status();
                }));
            }
            for (java.util.concurrent.Future<Integer> f : opened) {
                assertEquals(201, f.get());
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdown();
        }
        JsonObject again = api.get("api/admin/audit", bearer(token)).json();
        assertTrue(again.getBoolean("intact"), "the chain is whole after concurrent appends");
        assertTrue(again.getJsonArray("entries").size() >= audit.getJsonArray("entries").size() + 24);
        String body = r.raw().body();
        for (String secret : java.util.List.of(s.getString("id"), s.getString("token"), s.getString("receiptId"), invitation.getString("code"))) {
            assertFalse(body.contains(secret), "no session id, token, receipt id or invitation code in the audit log");
        }
    }
}
