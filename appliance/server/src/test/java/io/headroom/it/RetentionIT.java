package io.headroom.it;

import static io.headroom.it.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.receipt.ReceiptSigner;
import io.headroom.receipt.Receipts;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * Retention on a real Payara Micro with a clock the test moves: a session whose deadline passes
 * is purged by the timer, with nothing of it left in storage, and a signed, chained receipt
 * anyone can fetch and check.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetentionIT {

    private static final String PASSWORD = "a long studio password";
    private static final ItDeployment DEPLOYMENT = ItDeployment.named("retention").withMovableClock()
            // One worker: a probe job finishing means the job before it has stopped.
            .with("headroom.jobs.workers", "1")
            .withOperator("ada", io.headroom.operator.OperatorRole.ADMIN, PASSWORD);

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

    private PublicKey key() {
        Api.Reply r = api.get("api/receipts/key");
        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("application/x-pem-file"), r.header("Content-Type"));
        return ReceiptSigner.publicKey(r.raw().body());
    }

    private Map<String, Object> receipt(String receiptId) {
        Api.Reply r = api.get("api/receipts/" + receiptId);
        assertEquals(200, r.status(), r.raw().body());
        try {
            return Receipts.parse(r.raw().body().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls for the receipt the timer writes: the purge runs on its own thread, within seconds of the deadline. */
    private boolean receiptAppears(String receiptId, Duration within) {
        Instant end = Instant.now().plus(within);
        while (Instant.now().isBefore(end)) {
            if (api.get("api/receipts/" + receiptId).status() == 200) {
                return true;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // between polls
        }
        return false;
    }

    @Test
    void whenTheDeadlinePassesEverythingGoesAndASignedReceiptRemains() {
        JsonObject s = api.openSession();
        String id = s.getString("id");
        String token = s.getString("token");
        String receiptId = s.getString("receiptId");
        Api.Reply upload = api.postFiles("api/sessions/" + id + "/photos", "photo", List.of(Photos.bytes("london_005_neutral.jpg")), bearer(token));
        assertEquals(201, upload.status(), upload.raw().body());
        assertTrue(blobFiles() > 0, "the sealed photo is in storage");
        api.get("api/receipts/" + receiptId).problem(404, "not-found");

        assertEquals(204, api.post("api/test/clock?advance=PT25H", "").status());
        assertTrue(receiptAppears(receiptId, Duration.ofSeconds(30)), "purged within seconds of the deadline");

        api.get("api/sessions/" + id, bearer(token)).problem(404, "not-found");
        assertEquals(0, blobFiles(), "no blob of the session is left in storage");
        Map<String, Object> receipt = receipt(receiptId);
        assertTrue(Receipts.verify(receipt, key()), "the receipt verifies with the published key");
        assertEquals("deadline", receipt.get("reason"));
        assertEquals(receiptId, receipt.get("id"));
        @SuppressWarnings("unchecked")
        Map<String, Object> photos = (Map<String, Object>) ((Map<String, Object>) receipt.get("deleted")).get("photos");
        assertEquals(1L, photos.get("count"));
        assertTrue((Long) photos.get("bytes") > 10_000, "bytes of the photo: " + photos.get("bytes"));
        String text = api.get("api/receipts/" + receiptId).raw().body();
        assertFalse(text.contains(id) || text.contains(token), "the receipt names the session by a hash only");
        assertNotEquals(id, receipt.get("session"));
    }

    @Test
    void deleteNowWritesAReceiptChainedToTheOneBefore() {
        JsonObject first = api.openSession();
        JsonObject second = api.openSession();
        assertEquals(204, api.delete("api/sessions/" + first.getString("id"), bearer(first.getString("token"))).status());
        assertEquals(204, api.delete("api/sessions/" + second.getString("id"), bearer(second.getString("token"))).status());
        Map<String, Object> a = receipt(first.getString("receiptId"));
        Map<String, Object> b = receipt(second.getString("receiptId"));
        assertEquals("deleted-on-request", b.get("reason"));
        assertEquals(Receipts.hash(a), b.get("previous"), "each receipt names the hash of the one before");
        PublicKey key = key();
        assertTrue(Receipts.verify(a, key) && Receipts.verify(b, key));
    }

    /**
     * The signing key rotated while the appliance runs (as {@code headroom keys rotate-signing}
     * does it): the next receipt is signed by the new key and names it, and every receipt,
     * the old one included, verifies with the key it names from {@code GET /api/receipts/keys}.
     */
    @Test
    void receiptsSignedBeforeTheSigningKeyRotatedStillVerify() throws Exception {
        JsonObject first = api.openSession();
        assertEquals(204, api.delete("api/sessions/" + first.getString("id"), bearer(first.getString("token"))).status());
        Map<String, Object> before = receipt(first.getString("receiptId"));

        io.headroom.receipt.SigningKeys.open(DEPLOYMENT.keys(), Instant.now()).rotate(Instant.now(), new java.security.SecureRandom());

        JsonObject second = api.openSession();
        assertEquals(204, api.delete("api/sessions/" + second.getString("id"), bearer(second.getString("token"))).status());
        Map<String, Object> after = receipt(second.getString("receiptId"));
        assertNotEquals(before.get("signingKey"), after.get("signingKey"), "signed by the new key");
        assertEquals(Receipts.hash(before), after.get("previous"), "the chain goes on across the rotation");
        List<io.headroom.receipt.SigningKeys.PublishedKey> keys = io.headroom.receipt.SigningKeys.parse(
                api.get("api/receipts/keys").raw().body().getBytes(StandardCharsets.UTF_8));
        assertEquals(after.get("signingKey"), keys.get(keys.size() - 1).id(), "the current key is the last");
        assertEquals(after.get("signingKey"), io.headroom.receipt.ReceiptSigner.keyId(key()), "and the one /api/receipts/key serves");
        for (Map<String, Object> r : List.of(before, after)) {
            io.headroom.receipt.SigningKeys.PublishedKey k = io.headroom.receipt.SigningKeys.keyFor(r, keys).orElseThrow();
            assertTrue(Receipts.verify(r, io.headroom.receipt.ReceiptSigner.publicKey(k.publicKeyPem())), "verifies: " + r.get("id"));
        }
        io.headroom.receipt.SigningKeys.PublishedKey old = io.headroom.receipt.SigningKeys.keyFor(before, keys).orElseThrow();
        assertTrue(old.validUntil() != null && !old.validUntil().isAfter(Instant.now()), "the old key's validity has ended: " + old);
    }

    /**
     * "Delete 1 hour after I download": sooner is allowed, later never; the purge follows the new
     * deadline and its key epoch. A copy of the data directory made before the change holds the key
     * wrapped under the original epoch: the receipt says so, and the copy indeed opens until that
     * epoch ends, and not after.
     */
    @Test
    void aPersonCanAskForDeletionSoonerButNeverLater(@org.junit.jupiter.api.io.TempDir Path copy) throws Exception {
        JsonObject s = api.openSession();
        String id = s.getString("id");
        String token = s.getString("token");
        assertEquals(201, api.postFiles("api/sessions/" + id + "/photos", "photo", List.of(Photos.bytes("london_006_neutral.jpg")),
                bearer(token)).status());
        Instant original = Instant.parse(s.getString("deletesAt"));
        copyTree(DEPLOYMENT.data(), copy);
        io.headroom.vault.WrappedKey copied = wrappedKeyIn(copy, id);

        Api.Reply sooner = api.post("api/sessions/" + id + "/deadline", "{\"in\": \"PT1H\"}", bearer(token));
        assertEquals(200, sooner.status(), sooner.raw().body());
        Instant shortened = Instant.parse(sooner.json().getString("deletesAt"));
        assertTrue(shortened.isBefore(original.minus(Duration.ofHours(22))), "about an hour from now: " + shortened);
        assertEquals(shortened.toEpochMilli(), Instant.parse(api.get("api/sessions/" + id, bearer(token)).json().getString("deletesAt")).toEpochMilli());

        api.post("api/sessions/" + id + "/deadline", "{\"deletesAt\": \"" + original + "\"}", bearer(token)).problem(400, "invalid-request");
        api.post("api/sessions/" + id + "/deadline", "{\"in\": \"PT10S\"}", bearer(token)).problem(400, "invalid-request");
        api.post("api/sessions/" + id + "/deadline", "{}", bearer(token)).problem(400, "invalid-request");
        api.post("api/sessions/" + id + "/deadline", "{\"in\": \"PT1H\"}", bearer("wrong")).problem(404, "not-found");

        assertEquals(204, api.post("api/test/clock?advance=PT2H", "").status());
        assertTrue(receiptAppears(s.getString("receiptId"), Duration.ofSeconds(30)), "purged at the new deadline, not the old one");
        Map<String, Object> receipt = receipt(s.getString("receiptId"));
        assertEquals(shortened.toString().substring(0, 19), ((String) receipt.get("deadline")).substring(0, 19));
        @SuppressWarnings("unchecked")
        Map<String, Object> epoch = (Map<String, Object>) receipt.get("keyEpoch");
        assertTrue(Instant.parse((String) epoch.get("keyDestroyedBy")).isBefore(original), "the key moved to the earlier epoch: " + epoch);
        @SuppressWarnings("unchecked")
        Map<String, Object> earlier = (Map<String, Object>) epoch.get("earlierCopies");
        assertEquals(io.headroom.vault.KeyEpochs.epochNumber(copied), earlier.get("epoch"), "the receipt names the copy's epoch: " + epoch);
        Instant earlierEnd = Instant.parse((String) earlier.get("keyDestroyedBy"));
        assertTrue(earlierEnd.isAfter(original), "the original deadline's epoch ends after it: " + earlier);
        assertTrue(Instant.parse((String) earlier.get("madeBefore")).isAfter(original.minus(Duration.ofHours(25))), earlier.toString());

        // The new epoch has ended and its key is gone; the copy, as the receipt says, still opens with the keys directory.
        awaitEpochGone((Long) epoch.get("epoch"));
        epochsNow().unwrap(copied).destroy();

        // Past the end the receipt names for earlier copies: the copy yields nothing any more.
        assertEquals(204, api.post("api/test/clock?advance=PT26H", "").status());
        awaitEpochGone((Long) earlier.get("epoch"));
        io.headroom.vault.VaultException gone = org.junit.jupiter.api.Assertions.assertThrows(io.headroom.vault.VaultException.class,
                () -> epochsNow().unwrap(copied), "the copy's data key no longer opens");
        assertTrue(gone.getMessage().contains("destroyed"), gone.getMessage());
    }

    /** The epoch keys as the keys directory holds them now. */
    private static io.headroom.vault.KeyEpochs epochsNow() throws io.headroom.vault.VaultException {
        io.headroom.vault.KeyProvider master = io.headroom.vault.KeystoreKeyProvider.openOrCreate(DEPLOYMENT.keys(), null,
                new java.security.SecureRandom());
        return io.headroom.vault.KeyEpochs.open(DEPLOYMENT.keys(), master, Duration.ofHours(1), new java.security.SecureRandom());
    }

    /** Waits until the appliance has destroyed an epoch's key (the sweep after the clock moved). */
    private static void awaitEpochGone(long epoch) throws IOException {
        Instant end = Instant.now().plusSeconds(30);
        while (Files.readString(DEPLOYMENT.keys().resolve("key-epochs.json")).contains("\"epoch\":" + epoch + ",")
                && Instant.now().isBefore(end)) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // between polls
        }
        assertFalse(Files.readString(DEPLOYMENT.keys().resolve("key-epochs.json")).contains("\"epoch\":" + epoch + ","),
                "epoch " + epoch + " ended and its key was destroyed");
    }

    /**
     * A job still rendering when its session's deadline passes ends with the session: it is
     * cancelled at its next step, stores no late headshot, and the purge leaves nothing behind.
     * The clock is moved the moment the job reports its first progress, so it is mid-run.
     */
    @Test
    void aJobRunningWhenItsDeadlinePassesIsCancelledAndLeavesNothing() {
        JsonObject s = api.openSession();
        String id = s.getString("id");
        String token = s.getString("token");
        assertEquals(201, api.postFiles("api/sessions/" + id + "/photos", "photo",
                List.of(Photos.bytes("london_005_neutral.jpg"), Photos.bytes("london_006_neutral.jpg"), Photos.bytes("london_021_neutral.jpg"),
                        Photos.bytes("lisa_webcam_01.jpg")), bearer(token)).status());
        Api.Reply started = api.post("api/sessions/" + id + "/jobs", "{\"styles\": [\"natural\", \"corporate/studio-grey\"]}", bearer(token));
        assertEquals(202, started.status(), started.raw().body());
        boolean[] moved = {false};
        List<String> events = api.events("api/sessions/" + id + "/jobs/" + started.json().getString("id") + "/events", d -> {
            if (!moved[0] && d.contains("\"running\"")) {
                moved[0] = true;
                assertEquals(204, api.post("api/test/clock?advance=PT25H", "").status());
            }
            return d.contains("\"cancelled\"") || d.contains("\"done\"") || d.contains("\"failed\"");
        }, bearer(token));
        assertTrue(moved[0], "the job was seen running: " + events);
        assertTrue(events.get(events.size() - 1).contains("\"cancelled\""), "the job ended with its session: " + events);
        assertTrue(receiptAppears(s.getString("receiptId"), Duration.ofSeconds(30)), "the session was purged");
        api.get("api/sessions/" + id + "/headshots", bearer(token)).problem(404, "not-found");
        // The worker may still be finishing the step it was in: wait until the queue is idle.
        String operator = api.post("api/operators/sign-in", "{\"name\": \"ada\", \"password\": \"" + PASSWORD + "\"}").json().getString("token");
        JsonObject check = awaitIdleQueue(operator);
        assertEquals(0, blobFiles(), "no late headshot was stored: " + check);
        assertEquals(0, check.getJsonNumber("objects").longValue(), check.toString());
        assertEquals(0, check.getJsonNumber("rows").longValue(), check.toString());
    }

    /** The retention check, once no job is queued or running (the health report's queue is empty). */
    private JsonObject awaitIdleQueue(String operator) {
        JsonObject probe = api.openSession();
        assertEquals(201, api.postFiles("api/sessions/" + probe.getString("id") + "/photos", "photo",
                List.of(Photos.bytes("lisa_webcam_01.jpg")), bearer(probe.getString("token"))).status());
        Api.Reply job = api.post("api/sessions/" + probe.getString("id") + "/jobs", "{\"styles\": [\"natural\"]}", bearer(probe.getString("token")));
        assertEquals(202, job.status(), job.raw().body());
        api.events("api/sessions/" + probe.getString("id") + "/jobs/" + job.json().getString("id") + "/events",
                d -> d.contains("\"done\"") || d.contains("\"failed\""), bearer(probe.getString("token")));
        assertEquals(204, api.delete("api/sessions/" + probe.getString("id"), bearer(probe.getString("token"))).status());
        return api.get("api/admin/retention", bearer(operator)).json();
    }

    /**
     * After a full flow (upload, job, results) every object in storage has a deadline row and no
     * row points to nothing; after the purge both are gone. Every object is stored through
     * SealedBlobs, which records its deadline in the same transaction.
     */
    @Test
    void everyStoredObjectHasADeadlineAndEveryDeadlineAnObject() {
        String operator = api.post("api/operators/sign-in", "{\"name\": \"ada\", \"password\": \"" + PASSWORD + "\"}").json().getString("token");
        JsonObject s = api.openSession();
        String id = s.getString("id");
        String token = s.getString("token");
        assertEquals(201, api.postFiles("api/sessions/" + id + "/photos", "photo",
                List.of(Photos.bytes("london_005_neutral.jpg"), Photos.bytes("lisa_webcam_01.jpg")), bearer(token)).status());
        Api.Reply started = api.post("api/sessions/" + id + "/jobs", "{\"styles\": [\"natural\"]}", bearer(token));
        assertEquals(202, started.status(), started.raw().body());
        List<String> events = api.events("api/sessions/" + id + "/jobs/" + started.json().getString("id") + "/events",
                d -> d.contains("\"done\"") || d.contains("\"failed\""), bearer(token));
        assertTrue(events.get(events.size() - 1).contains("\"done\""), events.toString());

        JsonObject check = api.get("api/admin/retention", bearer(operator)).json();
        assertTrue(check.getJsonNumber("objects").longValue() >= 2 + 4, "two photos and their headshots: " + check);
        assertEquals(check.getJsonNumber("objects").longValue(), check.getJsonNumber("rows").longValue(), check.toString());
        assertEquals(0, check.getJsonNumber("objectsWithoutDeadline").longValue(), check.toString());
        assertEquals(0, check.getJsonNumber("deadlinesWithoutObject").longValue(), check.toString());

        assertEquals(204, api.delete("api/sessions/" + id, bearer(token)).status());
        JsonObject after = api.get("api/admin/retention", bearer(operator)).json();
        assertEquals(0, after.getJsonNumber("objects").longValue(), after.toString());
        assertEquals(0, after.getJsonNumber("rows").longValue(), after.toString());
    }

    /**
     * A copy of the data directory (only) taken before the purge: once the session's key epoch
     * has ended, nothing of the session opens from it with the appliance's remaining keys.
     */
    @Test
    void aCopyOfTheDataDirectoryTakenBeforeThePurgeYieldsNothingOnceTheEpochHasEnded(@org.junit.jupiter.api.io.TempDir Path copy)
            throws Exception {
        JsonObject s = api.openSession();
        String id = s.getString("id");
        assertEquals(201, api.postFiles("api/sessions/" + id + "/photos", "photo", List.of(Photos.bytes("london_021_neutral.jpg")),
                bearer(s.getString("token"))).status());
        copyTree(DEPLOYMENT.data(), copy);
        io.headroom.vault.WrappedKey wrapped = wrappedKeyIn(copy, id);
        // Before: the copy's wrapped key opens with the keys directory, so the check below can fail.
        epochsNow().unwrap(wrapped).destroy();

        assertEquals(204, api.post("api/test/clock?advance=PT26H", "").status()); // past the deadline and its epoch
        assertTrue(receiptAppears(s.getString("receiptId"), Duration.ofSeconds(30)));
        long epoch = io.headroom.vault.KeyEpochs.epochNumber(wrapped);
        awaitEpochGone(epoch);
        io.headroom.vault.VaultException gone = org.junit.jupiter.api.Assertions.assertThrows(io.headroom.vault.VaultException.class,
                () -> epochsNow().unwrap(wrapped), "the copy's data key no longer opens");
        assertTrue(gone.getMessage().contains("destroyed"), gone.getMessage());
        io.headroom.vault.KeyProvider master = io.headroom.vault.KeystoreKeyProvider.openOrCreate(DEPLOYMENT.keys(), null,
                new java.security.SecureRandom());
        org.junit.jupiter.api.Assertions.assertThrows(io.headroom.vault.VaultException.class, () -> master.unwrap(wrapped),
                "nor with the master key directly");
        @SuppressWarnings("unchecked")
        Map<String, Object> keyEpoch = (Map<String, Object>) receipt(s.getString("receiptId")).get("keyEpoch");
        assertEquals(epoch, keyEpoch.get("epoch"), "the receipt names the epoch whose key went");
        assertFalse(keyEpoch.containsKey("earlierCopies"), "the key never moved: " + keyEpoch);
    }

    private static io.headroom.vault.WrappedKey wrappedKeyIn(Path dataCopy, String sessionId) throws java.sql.SQLException {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(io.headroom.db.DatabaseLocation.jdbcUrl(dataCopy));
        try (java.sql.Connection c = ds.getConnection();
             java.sql.PreparedStatement q = c.prepareStatement("SELECT kek_id, wrapped_key FROM session_keys WHERE session_id = ?")) {
            q.setString(1, sessionId);
            try (java.sql.ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), "the copy holds the session's wrapped key");
                return new io.headroom.vault.WrappedKey(r.getString(1), r.getBytes(2));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".lock.db")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    private long blobFiles() {
        Path blobs = DEPLOYMENT.data().resolve("blobs");
        if (!Files.exists(blobs)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
