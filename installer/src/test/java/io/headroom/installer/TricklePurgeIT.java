package io.headroom.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The case that once held up every purge, on the installed appliance and its real minute
 * ({@code HEADROOM_RETENTION=PT1M}): one session trickles an upload at 20 KB/s past its deadline
 * while another is due at the same time. The other's receipt comes within seconds, while the
 * upload is still in flight; the trickling session answers 404 from its deadline on; when the
 * upload finally ends it gets 404 and leaves nothing in storage.
 */
class TricklePurgeIT {

    private static final Path PHOTOS = Path.of("../appliance/core/src/test/resources/photos");
    private static final Duration CEILING = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aTricklingUploadDelaysNoOnesPurge() throws Exception {
        InstalledAppliance appliance = new InstalledAppliance("trickle");
        appliance.start(appliance.serveCommand(), Map.of("HEADROOM_RETENTION", "PT1M"), appliance::healthy);
        try {
            JsonObject trickling = appliance.openSession();
            JsonObject other = appliance.openSession();
            appliance.uploadPhotos(other.getString("id"), other.getString("token"), "london_021_neutral.jpg");
            Path first = PHOTOS.resolve("london_005_neutral.jpg");
            TricklingUpload upload = new TricklingUpload(appliance.port, trickling.getString("id"), trickling.getString("token"),
                    List.of(first, PHOTOS.resolve("london_005_smiling.jpg")), (int) Files.size(first) + 2_000, 2_000);
            try {
                assertTrue(until(() -> blobFiles(appliance) == 2, Duration.ofSeconds(30)), "the trickling upload's first photo is stored");
                Instant deadline = Instant.parse(trickling.getString("deletesAt"));
                Instant otherDeadline = Instant.parse(other.getString("deletesAt"));

                // Every request sent from the deadline on answers 404, purged or not.
                Instant gone = null;
                while (gone == null && Instant.now().isBefore(deadline.plusSeconds(30))) {
                    Instant sentAt = Instant.now();
                    int status = get(appliance, "/api/sessions/" + trickling.getString("id"), trickling.getString("token")).statusCode();
                    if (status == 200) {
                        assertTrue(sentAt.isBefore(deadline), "answered 200 to a request sent " + Duration.between(deadline, sentAt)
                                + " after the deadline");
                    } else {
                        assertEquals(404, status);
                        assertFalse(sentAt.plusSeconds(1).isBefore(deadline), "404 only from the deadline on");
                        gone = sentAt;
                    }
                    LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // between polls
                }
                assertTrue(gone != null, "the trickling session went at its deadline");

                assertTrue(until(() -> receipt(appliance, other).statusCode() == 200, otherDeadline.plus(CEILING)),
                        "the other session's receipt within " + CEILING + " of its deadline:\n" + appliance.log());
                Duration lag = Duration.between(otherDeadline, Instant.now());
                assertFalse(upload.answered(), "while the upload is still in flight");
                System.out.printf("deadline → receipt of a session due beside a trickling upload: %d ms (upload still sending, %d KB sent)%n",
                        lag.toMillis(), upload.sent() / 1000);
                assertTrue(until(() -> receipt(appliance, trickling).statusCode() == 200, deadline.plus(CEILING)),
                        "the trickling session itself is purged on time as well");
            } finally {
                upload.finish();
            }
            TricklingUpload.Reply reply = upload.reply();
            assertEquals(404, reply.status(), "the upload lost to the purge: " + reply.body());
            assertEquals(0, blobFiles(appliance), "nothing of either session is left in storage");
            assertFalse(appliance.log().contains("retention sweep failed"), appliance.log());
        } finally {
            appliance.stop();
        }
    }


    private HttpResponse<String> get(InstalledAppliance appliance, String path, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appliance.port + path));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> receipt(InstalledAppliance appliance, JsonObject session) {
        return get(appliance, "/api/receipts/" + session.getString("receiptId"), null);
    }

    private static boolean until(java.util.function.BooleanSupplier condition, Duration within) {
        return until(condition, Instant.now().plus(within));
    }

    private static boolean until(java.util.function.BooleanSupplier condition, Instant end) {
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // between polls of another process
        }
        return condition.getAsBoolean();
    }

    private static long blobFiles(InstalledAppliance appliance) {
        Path blobs = appliance.data.resolve("blobs");
        if (!Files.exists(blobs)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
