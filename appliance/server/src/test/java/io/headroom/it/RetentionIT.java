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

    private static final ItDeployment DEPLOYMENT = ItDeployment.named("retention").withMovableClock();

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
