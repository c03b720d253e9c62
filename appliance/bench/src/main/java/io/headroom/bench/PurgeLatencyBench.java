package io.headroom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How late a due session is purged, with many sessions in the database. Against a running
 * appliance started with a short retention ({@code HEADROOM_RETENTION=PT5M bin/headroom serve}):
 * opens {@code sessions} sessions, then watches a sample of them around their deadlines and prints
 * the median, p99 and worst time from deadline to receipt (the receipt is written in the same
 * transaction as the session's last rows, so it marks "gone"). A figure, not a test.
 *
 * <p>With a fourth argument, that many of the sessions (the first ones opened) each start an
 * upload that trickles at 1 KB/s and never ends while the bench runs: the case of a visitor on a
 * bad line, or one who means harm. Their own deadline → receipt is printed apart.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.headroom.bench.PurgeLatencyBench http://127.0.0.1:8080 10000 200 [trickling]}
 */
public final class PurgeLatencyBench {

    private static final Pattern FIELD = Pattern.compile("\"(id|token|deletesAt|receiptId)\"\\s*:\\s*\"([^\"]+)\"");

    private PurgeLatencyBench() {
    }

    private record Opened(String id, String token, Instant deadline, String receiptId) {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int sample = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Opened> opened = new ArrayList<>(total);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Opened>> futures = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                futures.add(pool.submit(() -> open(http, base)));
            }
            for (Future<Opened> f : futures) {
                opened.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf("opened %d sessions in %.1f s%n", total, (System.nanoTime() - t0) / 1e9);
        int trickling = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        List<java.net.Socket> trickles = new ArrayList<>();
        List<Opened> trickled = new ArrayList<>(opened.subList(0, Math.min(trickling, opened.size())));
        for (Opened o : trickled) {
            trickles.add(trickle(URI.create(base), o));
        }
        Thread feeder = new Thread(() -> feed(trickles), "trickle-feeder");
        feeder.setDaemon(true);
        feeder.start();
        // Evenly spread over the opening order, so early and late deadlines are both watched.
        List<Opened> watched = new ArrayList<>();
        for (int i = 0; i < sample; i++) {
            Opened o = opened.get((int) ((long) i * total / sample));
            if (!trickled.contains(o)) {
                watched.add(o);
            }
        }
        // One watch over both, so the trickling sessions are timed at their own deadlines too.
        List<Opened> all = new ArrayList<>(trickled);
        all.addAll(watched);
        double[] both = lateness(http, base, all);
        double[] lateness = Arrays.copyOfRange(both, trickled.size(), both.length);
        report("deadline → receipt over " + lateness.length + " sampled of " + total + " sessions"
                + (trickled.isEmpty() ? "" : ", " + trickled.size() + " uploads trickling"), lateness);
        if (!trickled.isEmpty()) {
            report("deadline → receipt of the " + trickled.size() + " trickling sessions themselves", Arrays.copyOf(both, trickled.size()));
        }
        for (java.net.Socket t : trickles) {
            t.close();
        }
    }

    private static void report(String what, double[] lateness) {
        Arrays.sort(lateness);
        System.out.printf("%s: median %.2f s, p99 %.2f s, worst %.2f s (aim p99 ≤ 1 s)%n", what,
                lateness[lateness.length / 2], lateness[(int) Math.ceil(lateness.length * 0.99) - 1], lateness[lateness.length - 1]);
    }

    /** Starts an upload to the session that sends its headers and a first kilobyte, then waits for {@link #feed}. */
    private static java.net.Socket trickle(URI base, Opened o) throws java.io.IOException {
        java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort());
        String boundary = "benchtrickle";
        socket.getOutputStream().write(("POST /api/sessions/" + o.id() + "/photos HTTP/1.1\r\nHost: " + base.getHost()
                + "\r\nAuthorization: Bearer " + o.token() + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                + "\r\nContent-Length: 100000000\r\n\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        socket.getOutputStream().write(new byte[1024]);
        return socket;
    }

    /** A kilobyte a second to every trickling upload, until the bench ends. */
    private static void feed(List<java.net.Socket> trickles) {
        byte[] kilobyte = new byte[1024];
        while (true) {
            for (java.net.Socket t : trickles) {
                try {
                    t.getOutputStream().write(kilobyte);
                } catch (java.io.IOException closed) {
                    // the server gave up on it, or the bench ended
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L); // the trickle's pace
        }
    }

    private static double[] lateness(HttpClient http, String base, List<Opened> watched) throws Exception {
        double[] lateness = new double[watched.size()];
        boolean[] seen = new boolean[watched.size()];
        int left = watched.size();
        while (left > 0) {
            Instant now = Instant.now();
            for (int i = 0; i < watched.size(); i++) {
                Opened o = watched.get(i);
                if (seen[i] || now.isBefore(o.deadline().minusMillis(200))) {
                    continue;
                }
                int status = http.send(HttpRequest.newBuilder(URI.create(base + "/api/receipts/" + o.receiptId())).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    seen[i] = true;
                    lateness[i] = Math.max(0, Duration.between(o.deadline(), Instant.now()).toMillis() / 1000.0);
                    left--;
                }
            }
            Thread.sleep(50); // polling interval of the watcher, not part of the figure's resolution beyond 50 ms
        }
        return lateness;
    }

    private static Opened open(HttpClient http, String base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"consent\": true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("opening a session answered " + r.statusCode());
        }
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        Matcher m = FIELD.matcher(r.body());
        while (m.find()) {
            fields.putIfAbsent(m.group(1), m.group(2));
        }
        return new Opened(fields.get("id"), fields.get("token"), Instant.parse(fields.get("deletesAt")), fields.get("receiptId"));
    }
}
