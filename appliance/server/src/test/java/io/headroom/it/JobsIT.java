package io.headroom.it;

import static io.headroom.it.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** From uploaded selfies to a ZIP of headshots, on a real Payara Micro with the shipped models. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JobsIT extends WithSession {

    private static Path data;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // One worker: the probe job of the cancellation test runs only after the cancelled one stopped.
        ItDeployment d = ItDeployment.named("jobs").with("headroom.jobs.workers", "1");
        data = d.data();
        return d.war();
    }

    private JsonArray upload(String... names) {
        List<byte[]> files = new ArrayList<>();
        for (String n : names) {
            files.add(Photos.bytes(n));
        }
        Api.Reply r = uploadFiles(files);
        assertEquals(201, r.status(), r.raw().body());
        return (JsonArray) r.structure();
    }

    private String startJob() {
        Api.Reply r = api.post("api/sessions/" + id + "/jobs", "{\"styles\": [\"natural\"]}", bearer(token));
        assertEquals(202, r.status(), r.raw().body());
        return r.json().getString("id");
    }

    @Test
    void selfiesBecomeFramedHeadshotsInAZip() throws Exception {
        JsonArray photos = upload("london_005_neutral.jpg", "cat_face_chelsea.png", "lisa_webcam_01.jpg");
        String job = startJob();

        List<String> events = api.events("api/sessions/" + id + "/jobs/" + job + "/events",
                d -> d.contains("\"done\"") || d.contains("\"failed\""), bearer(token));
        JsonObject last = Json.createReader(new StringReader(events.get(events.size() - 1))).readObject();
        assertEquals("done", last.getString("state"), events.toString());
        assertEquals(100, last.getInt("progress"));
        assertTrue(events.size() >= 2, "progress is reported along the way: " + events);

        JsonObject view = api.get("api/sessions/" + id + "/jobs/" + job, bearer(token)).json();
        assertEquals("done", view.getString("state"));
        JsonObject cat = view.getJsonArray("photos").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("id").equals(photos.getJsonObject(1).getString("id"))).findFirst().orElseThrow();
        assertEquals("unusable", cat.getString("verdict"));
        assertEquals("no-face", cat.getJsonArray("reasons").getJsonObject(0).getString("code"));
        assertFalse(cat.getJsonArray("reasons").getJsonObject(0).getString("message").isBlank());

        JsonArray headshots = (JsonArray) api.get("api/sessions/" + id + "/headshots", bearer(token)).structure();
        assertEquals(4, headshots.size(), "two usable photos, two aspects each");
        JsonObject first = headshots.getJsonObject(0);
        assertFalse(first.getBoolean("cutout"), "no cut-out unless the job asks for one");
        assertFalse(first.containsKey("cutoutUrl"), first.toString());
        api.get("api/sessions/" + id + "/headshots/" + first.getString("id") + "/cutout", bearer(token)).problem(404, "not-found");

        HttpResponse<byte[]> zip = api.getBytes("api/sessions/" + id + "/headshots.zip", bearer(token));
        assertEquals(200, zip.statusCode());
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(in.readAllBytes()));
                if (e.getName().startsWith("natural/1x1/")) {
                    assertEquals(1024, img.getWidth());
                    assertEquals(1024, img.getHeight());
                } else {
                    assertTrue(e.getName().startsWith("natural/4x5/"), e.getName());
                    assertEquals(1080, img.getWidth());
                    assertEquals(1350, img.getHeight());
                }
            }
        }
        assertEquals(4, names.size(), names.toString());
        HttpResponse<byte[]> one = api.getBytes("api/sessions/" + id + "/headshots/" + headshots.getJsonObject(0).getString("id"), bearer(token));
        assertEquals("image/jpeg", one.headers().firstValue("Content-Type").orElse(""));
    }

    /**
     * With {@code "cutout": true} each headshot comes with the person alone on transparency: its
     * own endpoint, beside it in the ZIP, sealed in storage, and gone with the session.
     */
    @Test
    void aCutOutComesBesideEachHeadshotSealedAndGoesWithTheSession() throws Exception {
        List<Path> before = blobDirs();
        upload("london_005_neutral.jpg");
        List<Path> mine = new ArrayList<>(blobDirs());
        mine.removeAll(before);
        assertEquals(1, mine.size(), "the session's blob folder");
        String receiptId = api.get("api/sessions/" + id, bearer(token)).json().getString("receiptId");
        Api.Reply r = api.post("api/sessions/" + id + "/jobs", "{\"styles\": [\"natural\"], \"cutout\": true}", bearer(token));
        assertEquals(202, r.status(), r.raw().body());
        String job = r.json().getString("id");
        List<String> events = api.events("api/sessions/" + id + "/jobs/" + job + "/events",
                d -> d.contains("\"done\"") || d.contains("\"failed\""), bearer(token));
        assertTrue(events.get(events.size() - 1).contains("\"done\""), events.toString());
        assertTrue(api.get("api/sessions/" + id + "/jobs/" + job, bearer(token)).json().getBoolean("cutout"));

        JsonArray headshots = (JsonArray) api.get("api/sessions/" + id + "/headshots", bearer(token)).structure();
        assertEquals(2, headshots.size(), "one photo, two aspects");
        List<byte[]> cutouts = new ArrayList<>();
        String someCutout = null;
        for (JsonObject h : headshots.getValuesAs(JsonObject.class)) {
            assertTrue(h.getBoolean("cutout"), h.toString());
            String path = "api/sessions/" + id + "/headshots/" + h.getString("id") + "/cutout";
            assertTrue(h.getString("cutoutUrl").endsWith("/" + path), h.getString("cutoutUrl"));
            someCutout = path;
            HttpResponse<byte[]> png = api.getBytes(h.getString("cutoutUrl"), bearer(token));
            assertEquals(200, png.statusCode());
            assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
            cutouts.add(png.body());
            BufferedImage cut = ImageIO.read(new ByteArrayInputStream(png.body()));
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(
                    api.getBytes("api/sessions/" + id + "/headshots/" + h.getString("id"), bearer(token)).body()));
            assertEquals(shot.getWidth(), cut.getWidth(), "the headshot's framing and size");
            assertEquals(shot.getHeight(), cut.getHeight());
            assertTrue(cut.getColorModel().hasAlpha(), "an alpha channel");
            if (h.getString("aspect").equals("1:1")) {
                int w = cut.getWidth();
                assertEquals(0, cut.getRGB(8, 8) >>> 24, "the room above the shoulders is transparent");
                assertEquals(0, cut.getRGB(w - 8, 8) >>> 24);
                assertEquals(255, cut.getRGB(w / 2, cut.getHeight() / 2) >>> 24, "the face is opaque");
            }
        }

        HttpResponse<byte[]> zip = api.getBytes("api/sessions/" + id + "/headshots.zip", bearer(token));
        assertEquals(200, zip.statusCode());
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                byte[] entry = in.readAllBytes();
                if (e.getName().endsWith("-cutout.png")) {
                    assertTrue(ImageIO.read(new ByteArrayInputStream(entry)).getColorModel().hasAlpha(), e.getName());
                }
            }
        }
        assertEquals(4, names.size(), "two headshots and their cut-outs: " + names);
        for (String n : names.stream().filter(x -> x.endsWith(".jpg")).toList()) {
            assertTrue(names.contains(n.substring(0, n.length() - ".jpg".length()) + "-cutout.png"), "beside " + n + ": " + names);
        }

        try (Stream<Path> files = Files.walk(mine.get(0))) {
            assertEquals(5, files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).count(),
                    "the photo, two headshots and two cut-outs, each an object of its own");
        }
        assertEquals(List.of(), new PlaintextScan(cutouts).findings(mine.get(0)), "the cut-outs are stored sealed");

        Api.Reply deleted = api.delete("api/sessions/" + id, bearer(token));
        assertEquals(204, deleted.status(), deleted.raw().body());
        api.get(someCutout, bearer(token)).problem(404, "not-found");
        assertFalse(Files.exists(mine.get(0)), "the cut-outs went with the session's other blobs");
        Api.Reply receipt = api.get("api/receipts/" + receiptId);
        assertEquals(200, receipt.status(), receipt.raw().body());
        JsonObject gone = receipt.json().getJsonObject("deleted");
        assertEquals(2, gone.getJsonObject("cutouts").getInt("count"), receipt.raw().body());
    }

    /** The same person from 15 cm and from 60 cm, the close one uploaded first: the far one is rendered and listed first. */
    @Test
    void theSelfieThatFillsAHeadAndShouldersFrameComesFirst() {
        JsonArray photos = upload("lisa_zoom_15cm.jpg", "lisa_zoom_60cm.jpg");
        String near = photos.getJsonObject(0).getString("id");
        String far = photos.getJsonObject(1).getString("id");
        String job = startJob();
        List<String> events = api.events("api/sessions/" + id + "/jobs/" + job + "/events",
                d -> d.contains("\"done\"") || d.contains("\"failed\""), bearer(token));
        assertTrue(events.get(events.size() - 1).contains("\"done\""), events.toString());

        JsonArray headshots = (JsonArray) api.get("api/sessions/" + id + "/headshots", bearer(token)).structure();
        List<String> order = headshots.getValuesAs(JsonObject.class).stream().map(h -> h.getString("photoId")).toList();
        assertEquals(far, order.get(0), "the 60 cm selfie's headshots come first: " + order);
        assertEquals(List.of(far, far), order.subList(0, 2));
        assertTrue(order.contains(near), "the 15 cm selfie still gives a headshot where a closer frame fills: " + order);
        // Each headshot says how far the camera was and what the perspective correction did; the close selfie's is corrected most.
        double nearCorrection = 0;
        double farCorrection = 1;
        for (JsonObject h : headshots.getValuesAs(JsonObject.class)) {
            JsonObject p = h.getJsonObject("perspective");
            assertTrue(p.getBoolean("assumedFov"), "no EXIF: a phone's front camera is assumed " + p);
            assertTrue(p.getInt("distanceCm") > 10 && p.getInt("distanceCm") < 80, p.toString());
            double c = p.getJsonNumber("correction").doubleValue();
            if (h.getString("photoId").equals(near)) {
                nearCorrection = Math.max(nearCorrection, c);
            } else {
                farCorrection = Math.min(farCorrection, c);
            }
        }
        assertTrue(nearCorrection > 0.1 && nearCorrection > 2 * farCorrection, "15 cm " + nearCorrection + ", 60 cm " + farCorrection);

        JsonObject view = api.get("api/sessions/" + id + "/jobs/" + job, bearer(token)).json();
        JsonObject nearView = view.getJsonArray("photos").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("id").equals(near)).findFirst().orElseThrow();
        assertEquals(headshots.size(), view.getJsonArray("headshots").size());
        assertEquals(headshots.getJsonObject(0).getJsonObject("perspective"), view.getJsonArray("headshots").getJsonObject(0).getJsonObject("perspective"),
                "the job result shows the same perspective as the list");
        JsonObject skipped = nearView.getJsonArray("skipped").getJsonObject(0);
        assertEquals("1:1", skipped.getString("aspect"));
        assertEquals("too-close", skipped.getString("code"));
        assertFalse(skipped.getString("message").isBlank());
    }

    @Test
    void stylesOfTheInstalledPacksAreOfferedWithPreviewsAndMakeHeadshots() throws Exception {
        JsonArray styles = (JsonArray) api.get("api/styles").structure();
        List<String> ids = styles.getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList();
        assertEquals("natural", ids.get(0), "the built-in style first");
        assertTrue(ids.containsAll(List.of("corporate/studio-grey", "corporate/navy-gradient", "corporate/bright-office",
                "creative/bold-colour", "creative/warm-film", "creative/high-key-bw")), ids.toString());
        for (JsonObject style : styles.getValuesAs(JsonObject.class)) {
            assertFalse(style.getString("name").isBlank());
            // Previews need no token: the picker shows them before anything is uploaded.
            HttpResponse<byte[]> preview = api.getBytes(style.getString("preview"));
            assertEquals(200, preview.statusCode(), style.getString("preview"));
            assertTrue(ImageIO.read(new ByteArrayInputStream(preview.body())) != null, style.getString("id") + " preview is an image");
            assertTrue(style.getString("preview").endsWith("/api/styles/" + style.getString("id") + "/preview"), style.getString("preview"));
        }
        assertEquals(404, api.getBytes("api/styles/corporate/no-such-style/preview").statusCode());

        upload("london_005_neutral.jpg");
        Api.Reply r = api.post("api/sessions/" + id + "/jobs", "{\"styles\": [\"creative/high-key-bw\", \"corporate/navy-gradient\"]}", bearer(token));
        assertEquals(202, r.status(), r.raw().body());
        String job = r.json().getString("id");
        List<String> events = api.events("api/sessions/" + id + "/jobs/" + job + "/events",
                d -> d.contains("\"done\"") || d.contains("\"failed\""), bearer(token));
        assertTrue(events.get(events.size() - 1).contains("\"done\""), events.toString());

        JsonArray headshots = (JsonArray) api.get("api/sessions/" + id + "/headshots", bearer(token)).structure();
        assertEquals(4, headshots.size(), "one photo, two styles, two aspects each");
        for (JsonObject h : headshots.getValuesAs(JsonObject.class)) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(
                    api.getBytes("api/sessions/" + id + "/headshots/" + h.getString("id"), bearer(token)).body()));
            if (h.getString("style").equals("creative/high-key-bw")) {
                assertTrue(greyish(img), "black and white");
            } else {
                assertEquals("corporate/navy-gradient", h.getString("style"));
                int corner = img.getRGB(4, 4);
                assertTrue((corner & 0xFF) > ((corner >> 16) & 0xFF) + 15, "a navy backdrop: " + Integer.toHexString(corner));
            }
        }
    }

    /** Every sampled pixel has (nearly) equal red, green and blue. */
    private static boolean greyish(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y += 16) {
            for (int x = 0; x < img.getWidth(); x += 16) {
                int p = img.getRGB(x, y);
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 12) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void jobsAreValidatedBeforeTheyQueue() {
        api.post("api/sessions/" + id + "/jobs", "{\"styles\": [\"natural\"]}", bearer(token)).problem(409, "no-photos");
        upload("lisa_webcam_01.jpg");
        api.post("api/sessions/" + id + "/jobs", "{\"styles\": [\"baroque\"]}", bearer(token)).problem(400, "unknown-style");
        api.post("api/sessions/" + id + "/jobs", "{\"styles\": [\"corporate/baroque\"]}", bearer(token)).problem(400, "unknown-style");
        api.post("api/sessions/" + id + "/jobs", "{\"styles\": [\"natural\", \"natural\"]}", bearer(token)).problem(400, "invalid-request");
        api.post("api/sessions/" + id + "/jobs", "{\"styles\": [\"natural\"], \"photos\": [\"not-mine\"]}", bearer(token))
                .problem(400, "invalid-request");
        api.get("api/sessions/" + id + "/jobs/unknown", bearer(token)).problem(404, "not-found");
    }

    @Test
    void deletingTheSessionCancelsItsJobAndLeavesNoBlob() throws Exception {
        List<Path> before = blobDirs();
        upload("london_005_neutral.jpg", "london_006_neutral.jpg", "london_021_neutral.jpg", "lisa_webcam_01.jpg");
        List<Path> mine = new ArrayList<>(blobDirs());
        mine.removeAll(before);
        assertEquals(1, mine.size(), "the session's blob folder");
        String job = startJob();
        Api.Reply deleted = api.delete("api/sessions/" + id, bearer(token));
        assertEquals(204, deleted.status(), deleted.raw().body());
        api.get("api/sessions/" + id + "/jobs/" + job, bearer(token)).problem(404, "not-found");
        // A worker may still be finishing a step: its blob is discarded when it finds the job cancelled.
        // Wait for the queue to be idle by running a job of another session to the end.
        JsonObject other = api.openSession();
        id = other.getString("id");
        token = other.getString("token");
        upload("lisa_webcam_01.jpg");
        String probe = startJob();
        api.events("api/sessions/" + id + "/jobs/" + probe + "/events", d -> d.contains("\"done\"") || d.contains("\"failed\""), bearer(token));
        assertFalse(Files.exists(mine.get(0)), "nothing of the deleted session remains, not even a late headshot");
    }

    private static List<Path> blobDirs() throws IOException {
        if (!Files.isDirectory(data.resolve("blobs"))) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(data.resolve("blobs"))) {
            return dirs.toList();
        }
    }
}
