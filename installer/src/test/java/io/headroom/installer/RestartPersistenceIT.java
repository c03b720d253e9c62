package io.headroom.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built appliance, started with {@code bin/headroom serve}, keeps sessions and operators in
 * its H2 file across a SIGTERM and a new start, and its command-line tools refuse to touch a
 * database the running appliance holds.
 */
class RestartPersistenceIT {

    private static final String PASSWORD = "a long studio password";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sessionsAndOperatorsSurviveARestart() throws Exception {
        InstalledAppliance appliance = new InstalledAppliance("restart");
        InstalledAppliance.Result added = InstalledAppliance.run(List.of(InstalledAppliance.launcher().toString(),
                "operator", "add", "ada", "--data", appliance.data.toString(), "--keys", appliance.keys.toString()),
                PASSWORD + "\n", appliance.root);
        assertEquals(0, added.exit(), added.output());
        assertTrue(added.output().contains("role admin"), added.output());

        appliance.start(appliance.serveCommand(), appliance::healthy);
        JsonObject session = json(post(appliance, "/api/sessions", "{\"consent\": true}", null), 201);
        String operatorToken = json(post(appliance, "/api/operators/sign-in",
                "{\"name\": \"ada\", \"password\": \"" + PASSWORD + "\"}", null), 200).getString("token");

        InstalledAppliance.Result whileRunning = InstalledAppliance.run(List.of(InstalledAppliance.launcher().toString(),
                "operator", "add", "bob", "--data", appliance.data.toString(), "--keys", appliance.keys.toString()),
                PASSWORD + "\n", appliance.root);
        assertEquals(2, whileRunning.exit(), whileRunning.output());
        assertTrue(whileRunning.output().contains("Stop it first"), whileRunning.output());

        assertEquals(143, appliance.stop(), "terminated by SIGTERM after running its shutdown hooks");
        assertTrue(appliance.log().contains("Headroom stopping"), "SIGTERM undeploys the application:\n" + appliance.log());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(appliance.data)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(appliance.keys)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(appliance.keys.resolve("token-hmac.key"))));

        InstalledAppliance.Result rotated = InstalledAppliance.run(List.of(InstalledAppliance.launcher().toString(),
                "keys", "rotate-signing", "--keys", appliance.keys.toString()), null, appliance.root);
        assertEquals(0, rotated.exit(), rotated.output());
        assertTrue(rotated.output().contains("stays published"), rotated.output());

        appliance.start(appliance.serveCommand(), appliance::healthy);
        try {
            JsonObject keys = json(get(appliance, "/api/receipts/keys", operatorToken), 200);
            assertEquals(2, keys.getJsonArray("keys").size(), "the signing key rotated while stopped, the old one still published: " + keys);
            HttpResponse<String> again = get(appliance, "/api/sessions/" + session.getString("id"), session.getString("token"));
            JsonObject view = json(again, 200);
            assertEquals(session.getString("id"), view.getString("id"));
            assertEquals(java.time.Instant.parse(session.getString("deletesAt")).toEpochMilli(),
                    java.time.Instant.parse(view.getString("deletesAt")).toEpochMilli());
            assertEquals(200, get(appliance, "/api/admin/me", operatorToken).statusCode(), "still signed in after a restart");
        } finally {
            appliance.stop();
        }
    }

    private HttpResponse<String> post(InstalledAppliance a, String path, String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(InstalledAppliance a, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }
}
