package io.headroom.it;

import static io.headroom.it.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.intake.HostileCorpus;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hostile corpus (made by the test from a printed seed, see {@link HostileCorpus}) uploaded to
 * a running appliance, one file per request: each gets 201 or a 4xx problem+json, none a 5xx or a
 * dropped connection; the appliance is still healthy afterwards, and its storage holds exactly the
 * accepted photos' objects. {@code -Dheadroom.corpus.seed} replays a run; the
 * {@code hostile-corpus} profile runs a larger one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileCorpusIT {

    private static ItDeployment deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        deployment = ItDeployment.named("corpus").with("headroom.limits.upload-bytes-per-minute", "100GB");
        return deployment.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void everyFileGetsA201OrA4xxAndOnlyAcceptedPhotosAreStored() {
        Api api = new Api(base);
        long seed = HostileCorpus.seed();
        List<HostileCorpus.Entry> corpus = HostileCorpus.generate(seed, HostileCorpus.sources(), HostileCorpus.mutations());
        System.out.println("Hostile corpus to the appliance: " + corpus.size() + " files, seed " + seed);
        assertTrue(corpus.size() >= 500);
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int accepted = 0;
        int inSession = 0;
        JsonObject session = api.openSession();
        for (HostileCorpus.Entry e : corpus) {
            if (inSession == 20) {
                session = api.openSession(); // a session holds 20 photos
                inSession = 0;
            }
            Api.Reply r;
            try {
                r = api.postFiles("api/sessions/" + session.getString("id") + "/photos", "photo", List.of(e.bytes()),
                        bearer(session.getString("token")));
            } catch (UncheckedIOException dropped) {
                wrong.add(e.name() + ": connection dropped");
                byStatus.merge("dropped", 1, Integer::sum);
                continue;
            }
            String code = r.status() == 201 ? "" : problemCode(r);
            byStatus.merge(r.status() + (code.isEmpty() ? "" : " " + code), 1, Integer::sum);
            if (r.status() == 201) {
                int n = r.structure().asJsonArray().size();
                accepted += n;
                inSession += n;
            } else if (r.status() < 400 || r.status() >= 500 || code.isEmpty()) {
                wrong.add(e.name() + ": " + r.status() + " " + r.raw().body());
            }
        }
        System.out.println("Hostile corpus answers by status: " + byStatus);
        assertEquals(List.of(), wrong, "seed " + seed);
        Api.Reply health = api.getAbsolute(api.root().resolve("/health"));
        assertEquals(200, health.status(), "the appliance survived: " + health.raw().body());
        assertEquals(accepted, storedObjects(), "the storage holds exactly the accepted photos (seed " + seed + ")");
        assertTrue(accepted >= 2, "the good files among them were accepted: " + byStatus);
    }

    /** The problem+json code, or "" when the answer is not one. */
    private static String problemCode(Api.Reply r) {
        String type = r.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "";
        }
        return r.json().getString("code", "");
    }

    private static long storedObjects() {
        Path blobs = deployment.data().resolve("blobs");
        if (!Files.isDirectory(blobs)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
