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
 * <p>Usage: {@code java -cp benchmarks.jar io.headroom.bench.PurgeLatencyBench http://127.0.0.1:8080 10000 200}
 */
public final class PurgeLatencyBench {

    private static final Pattern FIELD = Pattern.compile("\"(deletesAt|receiptId)\"\\s*:\\s*\"([^\"]+)\"");

    private PurgeLatencyBench() {
    }

    private record Opened(Instant deadline, String receiptId) {
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
        // Evenly spread over the opening order, so early and late deadlines are both watched.
        List<Opened> watched = new ArrayList<>();
        for (int i = 0; i < sample; i++) {
            watched.add(opened.get((int) ((long) i * total / sample)));
        }
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
        Arrays.sort(lateness);
        System.out.printf("deadline → receipt over %d sampled of %d sessions: median %.2f s, p99 %.2f s, worst %.2f s (target p99 ≤ 5 s)%n",
                lateness.length, total, lateness[lateness.length / 2], lateness[(int) Math.ceil(lateness.length * 0.99) - 1],
                lateness[lateness.length - 1]);
    }

    private static Opened open(HttpClient http, String base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"consent\": true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("opening a session answered " + r.statusCode());
        }
        Instant deadline = null;
        String receipt = null;
        Matcher m = FIELD.matcher(r.body());
        while (m.find()) {
            if (m.group(1).equals("deletesAt")) {
                deadline = Instant.parse(m.group(2));
            } else {
                receipt = m.group(2);
            }
        }
        return new Opened(deadline, receipt);
    }
}
