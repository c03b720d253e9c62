package io.headroom.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.db.DatabaseLocation;
import io.headroom.receipt.ReceiptSigner;
import io.headroom.receipt.Receipts;
import io.headroom.receipt.SigningKeys;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * kill -9 anywhere: the installed appliance runs with 90-second deadlines and one-minute key
 * epochs while two clients open sessions, upload, start jobs, shorten deadlines and delete
 * sessions; at a random moment it gets SIGKILL, in whatever it was doing (an upload, a job, a
 * purge, an epoch's end and its key rotation); a session or two are made due while it is down.
 * After each restart:
 * <ul>
 *   <li>every session that was due is purged before anything is served (its receipt is there at
 *       the first answer);</li>
 *   <li>the jobs that were cut off run again and finish (unless their session's deadline passed);</li>
 *   <li>the sessions still open still open their photos (no key was lost to a rotation cut short);</li>
 *   <li>no stored object lacks a deadline row and no row its object (the retention check);</li>
 *   <li>the audit chain is whole, and every receipt verifies with the key it names and they form one
 *       chain.</li>
 * </ul>
 * {@code -Dheadroom.crash.runs} (3 in verify, 30 in {@code -Pcrash-anywhere}); the seed is printed and
 * {@code -Dheadroom.crash.seed=N} replays the kill moments and the clients' choices of a run.
 */
class CrashAnywhereIT {

    private static final String PASSWORD = "a long crash-test password";
    private static final String[] PHOTOS = {"london_005_neutral.jpg", "london_006_neutral.jpg", "london_021_neutral.jpg",
            "london_005_smiling.jpg", "london_006_smiling.jpg", "london_021_smiling.jpg"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Every session the clients opened: id → token and receipt id. */
    private final Map<String, Opened> sessions = new ConcurrentHashMap<>();
    /** The first photo each session stored: jobs are started on it. */
    private final Map<String, String> photoOf = new ConcurrentHashMap<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private InstalledAppliance appliance;
    private String operatorToken;

    private record Opened(String id, String token, String receiptId) {
    }

    @Test
    void afterSigkillAtRandomPointsEveryRestartFinishesWhatWasCutOffAndLosesNothing() throws Exception {
        int runs = Integer.getInteger("headroom.crash.runs", 5);
        long seed = Long.getLong("headroom.crash.seed", new Random().nextLong());
        System.out.println("CrashAnywhereIT: " + runs + " runs, seed " + seed + " (replay with -Dheadroom.crash.seed=" + seed + ")");
        appliance = new InstalledAppliance("crash-anywhere");
        InstalledAppliance.Result added = InstalledAppliance.run(List.of(InstalledAppliance.launcher().toString(),
                "operator", "add", "ada", "--data", appliance.data.toString(), "--keys", appliance.keys.toString()),
                PASSWORD + "\n", appliance.root);
        assertEquals(0, added.exit(), added.output());
        appliance.start(appliance.serveCommand(), environment(), appliance::healthy);
        operatorToken = Json.createReader(new StringReader(send("POST", "/api/operators/sign-in",
                "{\"name\": \"ada\", \"password\": \"" + PASSWORD + "\"}", null).body())).readObject().getString("token");
        try {
            for (int run = 1; run <= runs; run++) {
                Random random = new Random(seed + run);
                long killAfter = 1_000 + random.nextInt(10_000);
                Map<String, Integer> done = drive(random, Duration.ofMillis(killAfter));
                Instant killedAt = Instant.now();
                Crashed state = readDatabase(random);
                System.out.printf("CrashAnywhereIT run %d: SIGKILL after %d ms (%s); %d sessions due or purging at the restart, %d jobs cut off%n",
                        run, killAfter, done, state.due().size(), state.unfinishedJobs().size());
                assertEquals(List.of(), unexpected, "answers before the kill (run " + run + ", seed " + seed + ")");

                appliance.launch(appliance.serveCommand(), environment());
                HttpResponse<String> first = appliance.firstApplicationAnswer("/api/receipts/keys");
                assertEquals(200, first.statusCode(), first.body());
                for (Opened due : state.due()) {
                    assertEquals(200, appliance.firstApplicationAnswer("/api/receipts/" + due.receiptId()).statusCode(),
                            "run " + run + ": a session due at the restart is purged before anything is served (seed " + seed + ")");
                }
                awaitJobs(state.unfinishedJobs(), run, seed);
                photosStillOpen(run, seed);
                retentionCheckHolds(run, seed);
                chainsVerify(run, seed, killedAt);
            }
        } finally {
            if (appliance.healthy()) {
                appliance.stop();
            } else {
                appliance.kill();
            }
        }
    }

    /** Short deadlines and epochs; the test's one address stands for many people, so its limits are wide. */
    private static Map<String, String> environment() {
        return Map.of("HEADROOM_RETENTION", "PT90S", "HEADROOM_RETENTION_KEY_EPOCH", "PT1M",
                "HEADROOM_LIMITS_SESSION_OPENS_PER_MINUTE", "10000", "HEADROOM_LIMITS_JOBS_PER_SESSION", "50",
                "HEADROOM_GUARD_MAX_FAILURES", "1000000");
    }

    /** Two clients at work until the kill; returns what they got done. */
    private Map<String, Integer> drive(Random random, Duration killAfter) throws Exception {
        AtomicBoolean killing = new AtomicBoolean();
        Map<String, Integer> done = new ConcurrentHashMap<>();
        long seedA = random.nextLong();
        long seedB = random.nextLong();
        Thread uploads = new Thread(() -> client(new Random(seedA), killing, done, true), "crash-client-uploads");
        Thread changes = new Thread(() -> client(new Random(seedB), killing, done, false), "crash-client-changes");
        uploads.start();
        changes.start();
        LockSupport.parkNanos(killAfter.toNanos()); // the random moment of the crash
        killing.set(true);
        appliance.kill();
        uploads.join(90_000);
        changes.join(90_000);
        assertTrue(!uploads.isAlive() && !changes.isAlive(), "the clients stop once the appliance is dead");
        return new HashMap<>(done);
    }

    /** One client: the first opens sessions and uploads; the second starts jobs, shortens deadlines, deletes. */
    private void client(Random random, AtomicBoolean killing, Map<String, Integer> done, boolean uploader) {
        while (!killing.get()) {
            String op = "?";
            try {
                List<Opened> known = new ArrayList<>(sessions.values());
                if (uploader || known.isEmpty()) {
                    op = known.isEmpty() || random.nextInt(3) > 0 ? "open+upload" : "upload";
                    Opened s = op.equals("upload") ? known.get(random.nextInt(known.size())) : open();
                    HttpResponse<String> r = upload(s, 1 + random.nextInt(2), random);
                    expect(op, r, 201, 404, 409, 413, 422, 429);
                    if (r.statusCode() == 201) {
                        photoOf.putIfAbsent(s.id(), Json.createReader(new StringReader(r.body())).readArray().getJsonObject(0).getString("id"));
                    }
                } else {
                    Opened s = known.get(random.nextInt(known.size()));
                    int pick = random.nextInt(10);
                    op = pick < 3 ? "job" : pick < 6 ? "shorten" : "delete";
                    HttpResponse<String> r = switch (op) {
                        // One photo a job (a session without one gets its 4xx): the cut-off jobs finish soon after a restart.
                        case "job" -> send("POST", "/api/sessions/" + s.id() + "/jobs", "{\"styles\": [\"natural\"], \"photos\": [\""
                                + photoOf.getOrDefault(s.id(), "none") + "\"], \"cutout\": " + random.nextBoolean() + "}", s.token());
                        case "shorten" -> send("POST", "/api/sessions/" + s.id() + "/deadline", "{\"in\": \"PT" + (62 + random.nextInt(20)) + "S\"}", s.token());
                        default -> send("DELETE", "/api/sessions/" + s.id(), null, s.token());
                    };
                    expect(op, r, 200, 202, 204, 400, 404, 409, 422, 429);
                    LockSupport.parkNanos(Duration.ofMillis(200 + random.nextInt(800)).toNanos()); // a person's pace
                }
                done.merge(op, 1, Integer::sum);
            } catch (IOException | RuntimeException e) {
                if (!killing.get()) {
                    unexpected.add(op + ": " + e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void expect(String op, HttpResponse<String> r, int... allowed) {
        for (int a : allowed) {
            if (r.statusCode() == a) {
                return;
            }
        }
        // 503 with Retry-After is the documented answer of a busy appliance.
        if (r.statusCode() != 503 || r.headers().firstValue("Retry-After").isEmpty()) {
            unexpected.add(op + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private Opened open() throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", "/api/sessions", "{\"consent\": true}", null);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("opening a session answered " + r.statusCode() + ": " + r.body());
        }
        JsonObject o = Json.createReader(new StringReader(r.body())).readObject();
        Opened s = new Opened(o.getString("id"), o.getString("token"), o.getString("receiptId"));
        sessions.put(s.id(), s);
        return s;
    }

    private HttpResponse<String> upload(Opened s, int count, Random random) throws IOException, InterruptedException {
        java.nio.file.Path photos = java.nio.file.Path.of("../appliance/core/src/test/resources/photos");
        String boundary = "b" + random.nextLong();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(java.nio.file.Files.readAllBytes(photos.resolve(PHOTOS[random.nextInt(PHOTOS.length)])));
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return http.send(HttpRequest.newBuilder(uri("/api/sessions/" + s.id() + "/photos")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + s.token()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the dead appliance's database holds: the sessions due at the restart, the jobs cut off. */
    private record Crashed(List<Opened> due, Map<String, Opened> unfinishedJobs) {
    }

    /**
     * Reads the dead appliance's database. Up to two open sessions' deadlines are first moved into
     * the past, as a longer downtime would have made them due (the database is edited while the
     * appliance is stopped, as in {@code DowntimePurgeIT}).
     */
    private Crashed readDatabase(Random random) throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL(DatabaseLocation.jdbcUrl(appliance.data));
        List<Opened> due = new ArrayList<>();
        Map<String, Opened> jobs = new HashMap<>();
        long now = Instant.now().toEpochMilli();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            List<String> open = new ArrayList<>();
            try (ResultSet r = st.executeQuery("SELECT id FROM sessions WHERE state <> 'PURGING' ORDER BY id")) {
                while (r.next()) {
                    open.add(r.getString(1));
                }
            }
            try (java.sql.PreparedStatement past = c.prepareStatement("UPDATE sessions SET deletes_at = ? WHERE id = ?")) {
                for (int i = random.nextInt(3); i > 0 && !open.isEmpty(); i--) {
                    past.setLong(1, now - 1_000);
                    past.setString(2, open.remove(random.nextInt(open.size())));
                    past.executeUpdate();
                }
            }
            try (ResultSet r = st.executeQuery("SELECT id, deletes_at, state FROM sessions")) {
                while (r.next()) {
                    Opened s = sessions.get(r.getString(1));
                    if (s != null && (r.getLong(2) <= now || r.getString(3).equals("PURGING"))) {
                        due.add(s);
                    }
                }
            }
            try (ResultSet r = st.executeQuery("SELECT j.id, j.session_id FROM jobs j JOIN sessions s ON s.id = j.session_id "
                    + "WHERE j.state IN ('QUEUED', 'RUNNING') AND s.state <> 'PURGING'")) {
                while (r.next()) {
                    jobs.put(r.getString(1), sessions.get(r.getString(2)));
                }
            }
        }
        return new Crashed(due, jobs);
    }

    /** Each job cut off by the kill runs again and finishes, unless its session's deadline passed meanwhile. */
    private void awaitJobs(Map<String, Opened> jobs, int run, long seed) throws Exception {
        Instant end = Instant.now().plus(Duration.ofMinutes(4));
        for (Map.Entry<String, Opened> job : jobs.entrySet()) {
            while (true) {
                HttpResponse<String> r = send("GET", "/api/sessions/" + job.getValue().id() + "/jobs/" + job.getKey(), null, job.getValue().token());
                if (r.statusCode() == 404) {
                    assertTrue(purged(job.getValue()), "run " + run + ": a cut-off job's session is gone only by its purge (seed " + seed + ")");
                    break;
                }
                String state = Json.createReader(new StringReader(r.body())).readObject().getString("state");
                if (state.equals("done")) {
                    break;
                }
                assertTrue(state.equals("queued") || state.equals("running"),
                        "run " + run + ": a job cut off by the kill ends done, not " + r.body() + " (seed " + seed + ")");
                assertTrue(Instant.now().isBefore(end), "run " + run + ": the cut-off jobs finish within 4 minutes (seed " + seed + ")");
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos()); // polling the job's state
            }
        }
    }

    private boolean purged(Opened s) throws Exception {
        Instant end = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(end)) {
            if (send("GET", "/api/receipts/" + s.receiptId(), null, null).statusCode() == 200) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos()); // a purge under way finishes
        }
        return false;
    }

    /** Every session still open opens its photos: no data key was lost to an epoch's end cut short. */
    private void photosStillOpen(int run, long seed) throws Exception {
        for (Opened s : sessions.values()) {
            HttpResponse<String> list = send("GET", "/api/sessions/" + s.id() + "/photos", null, s.token());
            if (list.statusCode() == 404) {
                continue; // purged
            }
            assertEquals(200, list.statusCode(), list.body());
            var photos = Json.createReader(new StringReader(list.body())).readArray();
            if (photos.isEmpty()) {
                continue;
            }
            String pid = photos.getJsonObject(0).getString("id");
            HttpResponse<byte[]> photo = http.send(HttpRequest.newBuilder(uri("/api/sessions/" + s.id() + "/photos/" + pid))
                    .header("Authorization", "Bearer " + s.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (photo.statusCode() == 404 && purged(s)) {
                continue; // its deadline came meanwhile
            }
            assertEquals(200, photo.statusCode(), "run " + run + ": an open session's photo opens after the restart (seed " + seed + ")");
            assertTrue(photo.body().length > 1000, "a whole photo");
        }
    }

    /** The retention check: while purges due now run, a count may be off for a moment; it must settle at zero. */
    private void retentionCheckHolds(int run, long seed) throws Exception {
        Instant end = Instant.now().plusSeconds(60);
        JsonObject check;
        do {
            HttpResponse<String> r = send("GET", "/api/admin/retention", null, operatorToken);
            assertEquals(200, r.statusCode(), r.body());
            check = Json.createReader(new StringReader(r.body())).readObject();
            if (check.getJsonNumber("objectsWithoutDeadline").longValue() == 0 && check.getJsonNumber("deadlinesWithoutObject").longValue() == 0) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos()); // a purge under way
        } while (Instant.now().isBefore(end));
        throw new AssertionError("run " + run + ": objects and deadline rows disagree: " + check + " (seed " + seed + ")");
    }

    /** The audit chain is whole; the receipts all verify with the keys they name and form one chain from the first. */
    private void chainsVerify(int run, long seed, Instant killedAt) throws Exception {
        HttpResponse<String> audit = send("GET", "/api/admin/audit", null, operatorToken);
        assertEquals(200, audit.statusCode());
        assertTrue(Json.createReader(new StringReader(audit.body())).readObject().getBoolean("intact"),
                "run " + run + ": the audit chain is whole after the kill at " + killedAt + " (seed " + seed + ")");
        List<SigningKeys.PublishedKey> keys = SigningKeys.parse(send("GET", "/api/receipts/keys", null, null).body().getBytes(StandardCharsets.UTF_8));
        Set<String> hashes = new HashSet<>();
        Set<String> previous = new HashSet<>();
        int count = 0;
        for (Opened s : sessions.values()) {
            HttpResponse<String> r = send("GET", "/api/receipts/" + s.receiptId(), null, null);
            if (r.statusCode() != 200) {
                continue;
            }
            Map<String, Object> receipt = Receipts.parse(r.body().getBytes(StandardCharsets.UTF_8));
            SigningKeys.PublishedKey key = SigningKeys.keyFor(receipt, keys).orElseThrow();
            assertTrue(Receipts.verify(receipt, ReceiptSigner.publicKey(key.publicKeyPem())), "run " + run + ": receipt verifies: " + r.body());
            assertTrue(hashes.add(Receipts.hash(receipt)));
            assertTrue(previous.add((String) receipt.get(Receipts.PREVIOUS)), "run " + run + ": two receipts name the same previous one");
            count++;
        }
        previous.remove(Receipts.GENESIS);
        assertTrue(hashes.containsAll(previous), "run " + run + ": every receipt follows one of the others or is the first");
        assertEquals(count - 1, previous.size(), "run " + run + ": one chain, one first receipt (" + count + " receipts)");
    }

    private HttpResponse<String> send(String method, String path, String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + appliance.port + path);
    }
}
