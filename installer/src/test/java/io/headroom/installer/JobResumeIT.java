package io.headroom.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.db.DatabaseLocation;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A job cut off by the appliance dying (SIGKILL) runs again after the next start and finishes,
 * unless its session's deadline passed meanwhile: then it ends with the session.
 */
class JobResumeIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aJobInterruptedByACrashFinishesAfterRestart() throws Exception {
        InstalledAppliance appliance = new InstalledAppliance("resume");
        appliance.start(appliance.serveCommand(), appliance::healthy);
        String base = "http://127.0.0.1:" + appliance.port;
        String session = send(HttpRequest.newBuilder(URI.create(base + "/api/sessions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"consent\": true}")), 201);
        String id = field(session, "id");
        String token = field(session, "token");
        appliance.uploadPhotos(id, token, "london_005_neutral.jpg", "london_006_neutral.jpg", "london_021_neutral.jpg",
                "london_005_smiling.jpg", "london_006_smiling.jpg", "london_021_smiling.jpg");
        String job = field(send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + id + "/jobs"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"styles\": [\"natural\"]}")), 202), "id");
        appliance.kill();

        appliance.start(appliance.serveCommand(), appliance::healthy);
        try {
            String last = lastEvent(base + "/api/sessions/" + id + "/jobs/" + job + "/events", token);
            assertTrue(last.contains("\"done\""), "the job finished after the restart: " + last);
            String headshots = send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + id + "/headshots"))
                    .header("Authorization", "Bearer " + token).GET(), 200);
            assertEquals(8, headshots.split("\"aspect\"").length - 1, "best 4 photos × 2 aspects, none twice: " + headshots);
        } finally {
            appliance.stop();
        }
    }

    /**
     * The deadline passes while the appliance is down with a job unfinished (the stopped
     * appliance's database is edited, as in {@code DowntimePurgeIT}): at the next start the
     * session is purged before anything is served and its job is not run again.
     */
    @Test
    void aJobInterruptedByACrashEndsWithItsSessionWhenTheDeadlinePassedMeanwhile() throws Exception {
        InstalledAppliance appliance = new InstalledAppliance("resume-due");
        appliance.start(appliance.serveCommand(), appliance::healthy);
        JsonObject session = appliance.openSession();
        String id = session.getString("id");
        String token = session.getString("token");
        String base = "http://127.0.0.1:" + appliance.port;
        appliance.uploadPhotos(id, token, "london_005_neutral.jpg", "london_006_neutral.jpg", "london_021_neutral.jpg");
        send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + id + "/jobs"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"styles\": [\"natural\"]}")), 202);
        appliance.kill();
        JdbcDataSource db = new JdbcDataSource();
        db.setURL(DatabaseLocation.jdbcUrl(appliance.data));
        try (Connection c = db.getConnection();
             PreparedStatement past = c.prepareStatement("UPDATE sessions SET deletes_at = ? WHERE id = ?");
             PreparedStatement unfinished = c.prepareStatement("SELECT COUNT(*) FROM jobs WHERE session_id = ? AND state IN ('QUEUED', 'RUNNING')")) {
            unfinished.setString(1, id);
            try (ResultSet r = unfinished.executeQuery()) {
                assertTrue(r.next() && r.getInt(1) == 1, "the crash left the job unfinished");
            }
            past.setLong(1, System.currentTimeMillis() - 60_000);
            past.setString(2, id);
            assertEquals(1, past.executeUpdate());
        }

        appliance.start(appliance.serveCommand(), () -> true);
        try {
            HttpResponse<String> receipt = appliance.firstApplicationAnswer("/api/receipts/" + session.getString("receiptId"));
            assertEquals(200, receipt.statusCode(), "purged before anything was served: " + receipt.body());
            assertTrue(appliance.log().contains("Job queue:"), appliance.log());
            assertFalse(appliance.log().contains("queued again"), "the job of the purged session is not run again: " + appliance.log());
            try (var files = Files.walk(appliance.data.resolve("blobs"))) {
                assertEquals(0, files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count(),
                        "no photo and no headshot of the session is left");
            }
        } finally {
            appliance.stop();
        }
    }

    /** Follows the job's event stream to its end (a finished job's stream ends by itself). */
    private String lastEvent(String url, String token) throws Exception {
        CompletableFuture<String> last = http.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines()).thenApply(r -> {
                    String data = "";
                    for (Iterator<String> it = r.body().iterator(); it.hasNext(); ) {
                        String line = it.next();
                        if (line.startsWith("data:")) {
                            data = line;
                        }
                    }
                    return data;
                });
        return last.get(120, TimeUnit.SECONDS);
    }

    private String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), r.body());
        return r.body();
    }

    private static String field(String json, String name) {
        return json.replaceAll("(?s).*\"" + name + "\":\"([^\"]+)\".*", "$1");
    }
}
