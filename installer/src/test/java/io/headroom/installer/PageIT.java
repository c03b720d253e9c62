package io.headroom.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The minimal page in a real headless Chromium against the installed appliance: consent,
 * upload, per-photo verdicts, progress to the end, gallery, delete. Needs chromium and
 * chromium-driver (Debian packages; {@code .ci/run} installs them).
 */
class PageIT {

    private static final Path PHOTOS = Path.of("../appliance/core/src/test/resources/photos").toAbsolutePath().normalize();

    @Test
    void aPersonGetsHeadshotsThroughThePageAndDeletesEverything() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        InstalledAppliance appliance = new InstalledAppliance("page");
        appliance.start(appliance.serveCommand(), appliance::healthy);
        try (WebDriver browser = new WebDriver(appliance.root.resolve("chromium-profile"))) {
            browser.open("http://127.0.0.1:" + appliance.port + "/");
            browser.click("#consent");
            browser.click("#open");
            browser.waitFor("!document.getElementById('session').hidden");
            String deadline = browser.script("return document.getElementById('deadline').textContent").toString().replace("\"", "");
            assertTrue(deadline.matches("(?s)Everything will be deleted in 2[34] h \\d+ min.*receipt.*"), "a live countdown: " + deadline);

            browser.type("#files", String.join("\n", PHOTOS.resolve("london_005_neutral.jpg").toString(),
                    PHOTOS.resolve("lisa_webcam_01.jpg").toString(), PHOTOS.resolve("cat_face_chelsea.png").toString()));
            browser.click("#upload");
            browser.waitFor("document.querySelectorAll('#photos tbody tr').length === 3");
            assertTrue(browser.script("return document.querySelector('#photos tbody').textContent").toString().contains("XMP metadata"),
                    "each photo says what intake removed from it");

            // The style picker: the built-in style and the six of the shipped packs, each with its preview.
            browser.waitFor("document.querySelectorAll('#style-list img').length === 7"
                    + " && Array.from(document.querySelectorAll('#style-list img')).every(i => i.complete && i.naturalWidth > 0)");
            browser.click("#style-list input[value='natural']");
            browser.click("#style-list input[value='corporate/navy-gradient']");

            browser.click("#create");
            browser.waitFor("document.querySelectorAll('#gallery img').length === 4 && document.getElementById('status').textContent === 'Done.'");
            assertEquals("4", browser.script("return String(Array.from(document.querySelectorAll('#gallery img'))"
                    + ".filter(i => i.alt.includes('corporate/navy-gradient')).length)").toString().replace("\"", ""),
                    "the headshots are in the chosen style");
            assertEquals("100", browser.script("return String(document.getElementById('progress').value)").toString().replace("\"", ""));
            String table = browser.script("return document.querySelector('#photos tbody').textContent").toString();
            assertTrue(table.contains("No face was found in this photo."), table);
            assertTrue(table.contains("used"), table);
            Files.write(appliance.root.resolve("page.png"), browser.screenshot());

            browser.click("#sooner");
            browser.waitFor("/deleted in (59 min|1 h 0 min)/.test(document.getElementById('deadline').textContent)");

            browser.click("#delete");
            browser.waitFor("document.getElementById('error').textContent.includes('deleted')");
            String receipt = browser.script("return document.querySelector('#error a').href").toString().replace("\"", "");
            var fetched = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(receipt)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, fetched.statusCode(), "the page links the signed receipt: " + receipt);
            assertTrue(fetched.body().contains("\"signature\"") && fetched.body().contains("deleted-on-request"), fetched.body());
            assertEquals("true", browser.script("return String(document.getElementById('session').hidden)").toString().replace("\"", ""));
        } finally {
            appliance.stop();
        }
        try (var blobs = Files.walk(appliance.data.resolve("blobs"))) {
            assertEquals(0, blobs.filter(Files::isRegularFile).count(), "the page's delete removed every blob");
        }
    }
}
