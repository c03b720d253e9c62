package io.headroom.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Many people at once against one installed appliance, started by {@code bin/headroom serve} with
 * the launcher's memory settings: each opens a session, uploads ten photos one by one and runs a
 * job, all at the same time, from addresses of their own behind a trusted proxy (the test). The
 * only refusals allowed are the documented {@code 429}/{@code 503} with {@code Retry-After}, which
 * the test honours. Meanwhile sessions with a near deadline are opened every few seconds, so
 * purges run under the load, and their receipts give the purge lag. The JVM's peak resident memory
 * ({@code VmHWM}) must stay under {@link #RSS_BOUND_MIB}.
 *
 * <p>{@code verify} runs {@code headroom.load.sessions} = 8 people; {@code ./mvnw verify -Pload} runs
 * 50. Figures are printed and written to {@code target/load-report.txt}, not asserted.
 */
class LoadIT {

    /** The documented bound on the appliance's resident memory under load (docs/benchmarks.md). */
    static final long RSS_BOUND_MIB = 3072;

    private static final List<String> PHOTOS = List.of("london_005_neutral.jpg", "london_005_smiling.jpg", "london_006_neutral.jpg",
            "london_006_smiling.jpg", "london_021_neutral.jpg", "london_021_smiling.jpg", "lisa_webcam_01.jpg", "lisa_webcam_02.jpg",
            "lisa_zoom_60cm.jpg", "obama_2012_oval_office_portrait.jpg");
    private static final Path PHOTO_DIR = Path.of("../appliance/core/src/test/resources/photos");
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> uploadMillis = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> jobMillis = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> purgeLagMillis = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> refusals = Collections.synchronizedList(new ArrayList<>());
    private String base;

    @Test
    void manyPeopleAtOnceGetTheirHeadshotsWithinBoundedMemory() throws Exception {
        int people = Integer.getInteger("headroom.load.sessions", 8);
        InstalledAppliance appliance = new InstalledAppliance("load");
        // The test stands in for the studio's reverse proxy, so each person has an address of their own.
        appliance.start(appliance.serveCommand(), Map.of("HEADROOM_HTTP_TRUSTED_PROXIES", "127.0.0.1/32"), appliance::healthy);
        base = "http://127.0.0.1:" + appliance.port;
        Map<String, byte[]> photos = new java.util.HashMap<>();
        for (String p : PHOTOS) {
            photos.put(p, Files.readAllBytes(PHOTO_DIR.resolve(p)));
        }
        List<Bystander> bystanders = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(people + 1);
        Instant start;
        Instant end;
        List<Person> done = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Person>> running = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                String address = "10.50." + (i / 200) + "." + (i % 200 + 1);
                running.add(pool.submit(() -> {
                    go.await();
                    return person(address, photos);
                }));
            }
            Future<?> purges = pool.submit(() -> {
                go.await();
                bystanders(loading, bystanders, photos.get(PHOTOS.get(0)));
                return null;
            });
            start = Instant.now();
            go.countDown();
            for (Future<Person> f : running) {
                try {
                    Person p = f.get(30, TimeUnit.MINUTES);
                    if (p != null) {
                        done.add(p);
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    errors.add("a person's run failed: " + e.getCause());
                }
            }
            end = Instant.now();
            loading.set(false);
            purges.get(5, TimeUnit.MINUTES);
            measurePurges(bystanders, end);
            long peakRssMiB = peakRssMiB(appliance.javaPid());
            report(people, done, start, end, peakRssMiB, bystanders.size());
            assertEquals(List.of(), errors, "only 429/503 with Retry-After may refuse; the log:\n" + tail(appliance.log()));
            assertEquals(people, done.size());
            assertTrue(done.stream().allMatch(p -> p.headshots > 0), "everyone got headshots");
            assertTrue(peakRssMiB < RSS_BOUND_MIB, "peak resident memory " + peakRssMiB + " MiB, bound " + RSS_BOUND_MIB + " MiB");
        } finally {
            pool.shutdownNow();
            appliance.stop();
        }
    }

    private record Person(long jobMillis, int headshots, Instant jobDone) {
    }

    private record Bystander(String id, String token, String receiptId, Instant deadline) {
    }

    /** One person: a session, ten photos one by one, one job, waited for. */
    private Person person(String address, Map<String, byte[]> photos) throws Exception {
        JsonObject session = json(send(address, null, post("/api/sessions", "{\"consent\": true}"), 201));
        if (session == null) {
            return null;
        }
        String id = session.getString("id");
        String token = session.getString("token");
        for (String name : PHOTOS) {
            Instant t = Instant.now();
            if (send(address, token, upload("/api/sessions/" + id + "/photos", photos.get(name)), 201) == null) {
                return null;
            }
            uploadMillis.add(Duration.between(t, Instant.now()).toMillis());
        }
        Instant submitted = Instant.now();
        JsonObject job = json(send(address, token, post("/api/sessions/" + id + "/jobs", "{\"styles\": [\"natural\"]}"), 202));
        if (job == null) {
            return null;
        }
        JsonObject state;
        do {
            // Polling a remote job: the appliance offers no event the test could block on without a stream slot.
            Thread.sleep(500);
            state = json(send(address, token, HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + id + "/jobs/" + job.getString("id"))).GET(), 200));
            if (state == null) {
                return null;
            }
        } while (state.getString("state").equals("queued") || state.getString("state").equals("running"));
        Instant finished = Instant.now();
        if (!state.getString("state").equals("done")) {
            errors.add("a job ended " + state.getString("state") + ": " + state.get("problem"));
            return null;
        }
        long took = Duration.between(submitted, finished).toMillis();
        jobMillis.add(took);
        return new Person(took, state.getJsonArray("headshots").size(), finished);
    }

    /** While the load runs, a session every few seconds whose deadline is a minute away: its purge falls under the load. */
    private void bystanders(AtomicBoolean loading, List<Bystander> into, byte[] photo) throws Exception {
        int n = 0;
        while (loading.get()) {
            String address = "10.60.0." + (n++ % 250 + 1);
            JsonObject s = json(send(address, null, post("/api/sessions", "{\"consent\": true}"), 201));
            if (s == null) {
                return;
            }
            String token = s.getString("token");
            send(address, token, upload("/api/sessions/" + s.getString("id") + "/photos", photo), 201);
            JsonObject moved = json(send(address, token, post("/api/sessions/" + s.getString("id") + "/deadline", "{\"in\": \"PT1M\"}"), 200));
            if (moved == null) {
                return;
            }
            into.add(new Bystander(s.getString("id"), token, s.getString("receiptId"), Instant.parse(moved.getString("deletesAt"))));
            // Pacing the bystanders, not waiting for anything.
            Thread.sleep(3000);
        }
    }

    /** Purge lag from the receipts of the bystanders due while the load ran; the others are deleted now. */
    private void measurePurges(List<Bystander> bystanders, Instant loadEnd) throws Exception {
        for (Bystander b : bystanders) {
            if (b.deadline().isBefore(loadEnd)) {
                JsonObject receipt = receipt(b);
                if (receipt != null) {
                    purgeLagMillis.add(Duration.between(Instant.parse(receipt.getString("deadline")),
                            Instant.parse(receipt.getString("deletedAt"))).toMillis());
                }
            } else {
                send("10.60.1.1", b.token(), HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + b.id())).DELETE(), 204);
            }
        }
    }

    private JsonObject receipt(Bystander b) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(giveUp)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/receipts/" + b.receiptId())).timeout(REQUEST_TIMEOUT)
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return Json.createReader(new StringReader(r.body())).readObject();
            }
            // The purge of a due session runs on the appliance's timer; polled from outside.
            Thread.sleep(250);
        }
        errors.add("no receipt two minutes after a deadline that passed during the load");
        return null;
    }

    /**
     * Sends until the answer is {@code expected}, honouring {@code 429}/{@code 503} with
     * {@code Retry-After}; anything else is an error (recorded; null returned).
     */
    private HttpResponse<String> send(String address, String token, HttpRequest.Builder request, int expected) throws Exception {
        request.timeout(REQUEST_TIMEOUT).header("X-Forwarded-For", address);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest built = request.build();
        for (int attempt = 0; attempt < 200; attempt++) {
            HttpResponse<String> r;
            try {
                r = http.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                errors.add(built.method() + " " + path(built) + ": " + e);
                return null;
            }
            if (r.statusCode() == expected) {
                return r;
            }
            java.util.Optional<String> retryAfter = r.headers().firstValue("Retry-After");
            if ((r.statusCode() == 429 || r.statusCode() == 503) && retryAfter.isPresent()) {
                refusals.add(r.statusCode());
                // Told when to come back: that is the protocol, not a guess.
                Thread.sleep(Math.max(1, Long.parseLong(retryAfter.get().trim())) * 1000);
                continue;
            }
            errors.add(built.method() + " " + path(built) + " answered " + r.statusCode() + ": " + r.body());
            return null;
        }
        errors.add(built.method() + " " + path(built) + " refused 200 times");
        return null;
    }

    private static String path(HttpRequest r) {
        // Session ids are not secrets, but keep the report short.
        return r.uri().getPath().replaceAll("/[0-9a-f-]{36}", "/{id}");
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder upload(String path, byte[] photo) {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(photo);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static JsonObject json(HttpResponse<String> r) {
        return r == null ? null : Json.createReader(new StringReader(r.body())).readObject();
    }

    /** The JVM's peak resident set since it started ({@code VmHWM}). */
    private static long peakRssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmHWM for " + pid);
    }

    private void report(int people, List<Person> done, Instant start, Instant end, long peakRssMiB, int bystanders) throws IOException {
        Instant firstSubmit = start;
        Instant lastDone = done.stream().map(Person::jobDone).max(Instant::compareTo).orElse(end);
        int headshots = done.stream().mapToInt(Person::headshots).sum();
        double seconds = Duration.between(firstSubmit, lastDone).toMillis() / 1000.0;
        String report = String.join("\n",
                String.format("load: %d people × %d photos, one job each (natural), %d cores, %.0f s in all", people, PHOTOS.size(),
                        Runtime.getRuntime().availableProcessors(), Duration.between(start, end).toMillis() / 1000.0),
                String.format("load: upload of one photo: p50 %d ms, p95 %d ms, max %d ms (%d uploads)", pct(uploadMillis, 50), pct(uploadMillis, 95),
                        pct(uploadMillis, 100), uploadMillis.size()),
                String.format("load: job from submission to done: p50 %.1f s, p95 %.1f s, max %.1f s", pct(jobMillis, 50) / 1000.0,
                        pct(jobMillis, 95) / 1000.0, pct(jobMillis, 100) / 1000.0),
                String.format("load: %d headshots in %.0f s from the first request to the last job done: %.2f headshots per second", headshots,
                        seconds, headshots / seconds),
                String.format("load: purge lag under load (deadline to receipt): p50 %d ms, p99 %d ms, max %d ms, over %d sessions due during the load (%d opened)",
                        pct(purgeLagMillis, 50), pct(purgeLagMillis, 99), pct(purgeLagMillis, 100), purgeLagMillis.size(), bystanders),
                String.format("load: refused and retried as told: %d × 429, %d × 503", refusals.stream().filter(s -> s == 429).count(),
                        refusals.stream().filter(s -> s == 503).count()),
                String.format("load: peak resident memory of the appliance's JVM (VmHWM): %d MiB (bound %d MiB)", peakRssMiB, RSS_BOUND_MIB));
        System.out.println(report);
        Files.writeString(Path.of("target/load-report.txt"), report + "\n");
    }

    private static long pct(List<Long> values, int percentile) {
        List<Long> sorted;
        synchronized (values) {
            sorted = values.stream().sorted().toList();
        }
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String tail(String log) {
        return log.length() > 20000 ? log.substring(log.length() - 20000) : log;
    }
}
