package io.headroom.it;

import static io.headroom.it.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deletion nothing can hold up, on a real Payara Micro with a clock the test moves: a client that
 * stalls in the middle of an upload, and a session whose storage keeps refusing the delete, delay
 * no one else's purge; a session answers 404 from its deadline on; nothing is left behind.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PurgeIsolationIT {

    private static final String PASSWORD = "a long studio password";
    private static final ItDeployment DEPLOYMENT = ItDeployment.named("purge-isolation").withMovableClock()
            .withOperator("ada", io.headroom.operator.OperatorRole.ADMIN, PASSWORD);
    /** Generous ceilings: the timer sweeps every second, so a purge normally follows within one or two. */
    private static final Duration ON_TIME = Duration.ofSeconds(10);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DEPLOYMENT.war();
    }

    @ArquillianResource
    URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    void aClientStalledMidUploadHoldsUpNoOnesPurgeAndItsUploadLeavesNothing() throws Exception {
        JsonObject stalled = api.openSession();
        JsonObject other = api.openSession();
        upload(other, "london_005_neutral.jpg");
        byte[] first = Photos.bytes("london_006_neutral.jpg");
        byte[] second = Photos.bytes("london_021_neutral.jpg");
        long before = blobFiles().size();
        CountDownLatch release = new CountDownLatch(1);
        // The first photo whole and a little of the second: then the client stops sending.
        CompletableFuture<Api.RawReply> reply = api.postFilesStalling("api/sessions/" + stalled.getString("id") + "/photos",
                List.of(first, second), first.length + 2_000, release, stalled.getString("token"));
        try {
            assertTrue(Eventually.holds(() -> blobFiles().size() == before + 1, Duration.ofSeconds(30)),
                    "the stalled upload's first photo is stored while the client is still sending");

            assertEquals(204, api.post("api/test/clock?advance=PT25H", "").status());
            api.get("api/sessions/" + stalled.getString("id"), bearer(stalled.getString("token"))).problem(404, "not-found");
            Instant deadline = Instant.now();
            assertTrue(Eventually.holds(() -> receiptExists(other), ON_TIME), "the other session is purged on time");
            System.out.printf("deadline → receipt with an upload stalled in another session: %d ms%n",
                    Duration.between(deadline, Instant.now()).toMillis());
            assertTrue(Eventually.holds(() -> receiptExists(stalled), ON_TIME), "the stalled session itself is purged on time too");
            assertFalse(reply.isDone(), "all the while the upload was still in flight");
        } finally {
            release.countDown();
        }
        Api.RawReply answer = reply.get(60, TimeUnit.SECONDS);
        assertEquals(404, answer.status(), "the upload lost the race to the purge: " + answer.body());
        assertTrue(answer.body().contains("not-found"), answer.body());

        JsonObject receipt = api.get("api/receipts/" + stalled.getString("receiptId")).json();
        JsonObject deleted = receipt.getJsonObject("deleted");
        assertEquals(0, deleted.getJsonObject("photos").getInt("count"), "the upload never got recorded: " + receipt);
        assertEquals(1, deleted.getJsonObject("storageObjects").getInt("count"), "but its stored photo was found and deleted: " + receipt);
        assertEquals(Set.of(), blobFiles(), "nothing of either session is left in storage");
        assertStorageAndRowsAgree();
    }

    /**
     * A real storage error: the local driver cannot overwrite a file that a running program is
     * executing (ETXTBSY, for root too), so the test puts a copy of {@code sleep} where one
     * session's sealed photo was and runs it.
     */
    @Test
    void aSessionWhoseStorageKeepsFailingIsRetriedWhileTheOthersArePurgedOnTime() throws Exception {
        JsonObject broken = api.openSession();
        Set<Path> earlier = blobFiles();
        upload(broken, "london_005_neutral.jpg");
        Path blob = only(difference(blobFiles(), earlier));
        Files.copy(Path.of("/bin/sleep"), blob, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        blob.toFile().setExecutable(true, true);
        Process holding;
        try {
            holding = new ProcessBuilder(blob.toString(), "600").start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("the data directory does not allow running a program: " + e.getMessage());
            return;
        }
        try {
            JsonObject withLeftover = api.openSession();
            Set<Path> beforeSecond = blobFiles();
            upload(withLeftover, "london_006_neutral.jpg");
            // What a put cut short by a crash leaves beside the session's objects.
            Path leftover = only(difference(blobFiles(), beforeSecond)).resolveSibling(".tmp-00aa11bb22cc33dd");
            Files.write(leftover, new byte[] {1, 2, 3});
            JsonObject empty = api.openSession();

            assertEquals(204, api.post("api/test/clock?advance=PT25H", "").status());
            assertTrue(Eventually.holds(() -> receiptExists(withLeftover) && receiptExists(empty), ON_TIME), "the others are purged on time");
            api.get("api/sessions/" + broken.getString("id"), bearer(broken.getString("token"))).problem(404, "not-found");
            assertFalse(receiptExists(broken), "the broken one is not purged while its storage fails");
            assertTrue(Eventually.holds(() -> purgesFailing() == 1, ON_TIME), health().toString());
            assertTrue(health().getString("warning").contains("retried"), health().toString());
            assertTrue(api.get("api/admin/audit", bearer(signIn())).raw().body().contains("\"purge-failed\""), "the audit log records it");

            JsonObject objects = receipt(withLeftover).getJsonObject("deleted").getJsonObject("storageObjects");
            assertEquals(1, objects.getInt("count"), objects.toString());
            assertEquals(1, objects.getInt("incomplete"), "the half-written leftover was purged too: " + objects);
            assertFalse(Files.exists(leftover));
            JsonObject keys = receipt(empty).getJsonObject("deleted").getJsonObject("dataKeys");
            assertEquals(0, keys.getInt("count"), keys.toString());
            assertTrue(keys.getString("note").contains("never had a data key"), keys.toString());
        } finally {
            holding.destroyForcibly();
            holding.waitFor();
        }
        assertTrue(Eventually.holds(() -> receiptExists(broken), Duration.ofSeconds(60)), "once storage works again its retry purges it");
        assertEquals(1, receipt(broken).getJsonObject("deleted").getJsonObject("photos").getInt("count"));
        assertTrue(Eventually.holds(() -> purgesFailing() == 0, ON_TIME), health().toString());
        assertEquals(Set.of(), blobFiles());
        assertStorageAndRowsAgree();
    }

    private void upload(JsonObject session, String photo) {
        Api.Reply r = api.postFiles("api/sessions/" + session.getString("id") + "/photos", "photo", List.of(Photos.bytes(photo)),
                bearer(session.getString("token")));
        assertEquals(201, r.status(), r.raw().body());
    }

    private boolean receiptExists(JsonObject session) {
        return api.get("api/receipts/" + session.getString("receiptId")).status() == 200;
    }

    private JsonObject receipt(JsonObject session) {
        Api.Reply r = api.get("api/receipts/" + session.getString("receiptId"));
        assertEquals(200, r.status(), r.raw().body());
        return r.json();
    }

    private String signIn() {
        return api.post("api/operators/sign-in", "{\"name\": \"ada\", \"password\": \"" + PASSWORD + "\"}").json().getString("token");
    }

    /** The appliance's own check's data on {@code /health}. */
    private JsonObject health() {
        Api.Reply r = api.getAbsolute(api.root().resolve("/health"));
        assertEquals(200, r.status(), "a failing purge is a warning, not an outage: " + r.raw().body());
        return r.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("headroom")).findFirst().orElseThrow().getJsonObject("data");
    }

    private long purgesFailing() {
        jakarta.json.JsonValue v = health().get("purgesFailing");
        return v instanceof jakarta.json.JsonNumber n ? n.longValue() : Long.parseLong(((jakarta.json.JsonString) v).getString());
    }

    private void assertStorageAndRowsAgree() {
        JsonObject check = api.get("api/admin/retention", bearer(signIn())).json();
        assertEquals(0, check.getJsonNumber("objectsWithoutDeadline").longValue(), check.toString());
        assertEquals(0, check.getJsonNumber("deadlinesWithoutObject").longValue(), check.toString());
        assertEquals(0, check.getJsonNumber("incomplete").longValue(), check.toString());
    }

    private static Set<Path> blobFiles() {
        Path blobs = DEPLOYMENT.data().resolve("blobs");
        if (!Files.exists(blobs)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<Path> difference(Set<Path> a, Set<Path> b) {
        return a.stream().filter(p -> !b.contains(p)).collect(Collectors.toSet());
    }

    private static Path only(Set<Path> paths) {
        assertEquals(1, paths.size(), paths.toString());
        return paths.iterator().next();
    }
}
