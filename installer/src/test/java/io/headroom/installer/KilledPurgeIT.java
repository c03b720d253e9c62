package io.headroom.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.headroom.db.DatabaseLocation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The appliance as a person can try it: run with {@code HEADROOM_RETENTION=PT1M}, a session is
 * purged by the appliance's own timer when its real minute is up. That purge is killed with
 * SIGKILL in its middle — strace, attached to the running appliance, delivers SIGKILL at the
 * moment it unlinks one of the session's blobs, after the key is gone and the blob overwritten.
 * Started again, the appliance finishes the purge before it serves anything, and the receipt
 * verifies with {@code bin/headroom verify-receipt}.
 */
class KilledPurgeIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPurgeKilledHalfwayOnARealOneMinuteDeadlineFinishesAtTheNextStart() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "attaching strace to the appliance needs ptrace rights; CI runs as root");
        assertEquals(0, InstalledAppliance.run(List.of("sh", "-c", "command -v strace"), null, Path.of(".")).exit(),
                "strace is needed for this test (.ci/run installs it)");
        InstalledAppliance appliance = new InstalledAppliance("killed-purge");
        Process launcher = appliance.start(appliance.serveCommand(), Map.of("HEADROOM_RETENTION", "PT1M"), appliance::healthy);
        JsonObject session;
        Path doomed;
        Process strace;
        Path straceLog = appliance.root.resolve("strace.log");
        try {
            Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            session = post(appliance, "/api/sessions", "{\"consent\": true}");
            Instant deletesAt = Instant.parse(session.getString("deletesAt"));
            assertFalse(deletesAt.isBefore(before.plusSeconds(60)) || deletesAt.isAfter(Instant.now().plusSeconds(60)),
                    "HEADROOM_RETENTION=PT1M sets a deadline one minute after the session opened: " + deletesAt);
            appliance.uploadPhotos(session.getString("id"), session.getString("token"), "london_005_neutral.jpg", "london_021_neutral.jpg");
            List<Path> blobs = blobFiles(appliance);
            assertEquals(2, blobs.size());
            doomed = blobs.get(1);

            // SIGKILL when the appliance unlinks this one blob, and at no other syscall.
            long java = appliance.javaPid();
            strace = new ProcessBuilder("strace", "-f", "-p", Long.toString(java), "-o", "/dev/null", "-P", doomed.toString(),
                    "-e", "trace=unlink,unlinkat", "-e", "inject=unlink,unlinkat:signal=SIGKILL")
                    .redirectErrorStream(true).redirectOutput(straceLog.toFile()).start();
            awaitAttached(strace, straceLog);
        } catch (Exception | AssertionError e) {
            appliance.kill();
            throw e;
        }

        // Nothing is done to the appliance now: its retention timer starts the purge when the minute is up.
        assertTrue(launcher.waitFor(5, TimeUnit.MINUTES), "the purge reached the blob within five minutes:\n" + appliance.log());
        assertTrue(strace.waitFor(60, TimeUnit.SECONDS), "strace ends with its tracee");
        assertFalse(appliance.healthy(), "the appliance is dead");

        // Cut short: the key is destroyed, the session row still there, the blob overwritten but not unlinked.
        assertTrue(Files.exists(doomed), "killed before the unlink");
        byte[] left = Files.readAllBytes(doomed);
        assertTrue(left.length > 0, "the blob keeps its length");
        for (byte b : left) {
            assertEquals(0, b, "the blob was overwritten before the unlink");
        }
        JdbcDataSource db = new JdbcDataSource();
        db.setURL(DatabaseLocation.jdbcUrl(appliance.data));
        try (Connection c = db.getConnection()) {
            assertEquals(1, count(c, "SELECT COUNT(*) FROM sessions WHERE id = ?", session.getString("id")), "the session row outlived the kill");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM session_keys WHERE session_id = ?", session.getString("id")),
                    "the key went first");
        }

        appliance.start(appliance.serveCommand(), () -> true);
        try {
            HttpResponse<String> receipt = appliance.firstApplicationAnswer("/api/receipts/" + session.getString("receiptId"));
            assertEquals(200, receipt.statusCode(), "the purge finished before anything was served: " + receipt.body());
            JsonObject deleted = Json.createReader(new StringReader(receipt.body())).readObject().getJsonObject("deleted");
            assertEquals(2, deleted.getJsonObject("photos").getInt("count"), "both photos counted: " + receipt.body());
            assertEquals(List.of(), blobFiles(appliance), "no blob of the session is left");

            Path receiptFile = appliance.root.resolve("receipt.json");
            Files.writeString(receiptFile, receipt.body(), StandardCharsets.UTF_8);
            Path key = appliance.root.resolve("receipts-key.pem");
            HttpResponse<String> pem = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appliance.port + "/api/receipts/key")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, pem.statusCode());
            Files.writeString(key, pem.body(), StandardCharsets.US_ASCII);
            InstalledAppliance.Result verified = InstalledAppliance.run(List.of(InstalledAppliance.launcher().toString(),
                    "verify-receipt", receiptFile.toString(), "--key", key.toString()), null, appliance.root);
            assertEquals(0, verified.exit(), verified.output());
        } finally {
            appliance.stop();
        }
    }

    /** strace reports on its standard error when it holds every thread of the appliance. */
    private static void awaitAttached(Process strace, Path log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!Files.readString(log).contains("attached")) {
            if (!strace.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("strace did not attach:\n" + Files.readString(log));
            }
            Thread.sleep(50); // watching another process's output: nothing to block on
        }
    }

    private static List<Path> blobFiles(InstalledAppliance appliance) throws Exception {
        Path root = appliance.data.resolve("blobs");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static int count(Connection c, String sql, String id) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private JsonObject post(InstalledAppliance appliance, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appliance.port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }
}
