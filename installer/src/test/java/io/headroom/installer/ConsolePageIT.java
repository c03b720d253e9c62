package io.headroom.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The operator console in a real headless Chromium over the appliance's HTTPS listener: an
 * operator signs in, presses New client, and the QR code on the card (read back from a screenshot
 * with the library that drew it) is the link printed beside it; the client's page opens from that
 * link over HTTPS in a second browser, and the new session shows in the console. Screenshots of
 * each step go to {@code target/console-screenshots/}.
 */
class ConsolePageIT {

    private static final String PASSWORD = "a long studio password";
    private static final Path SHOTS = Path.of("target/console-screenshots");

    @Test
    void anOperatorMakesAClientCardWhoseQrCodeOpensTheClientsPage() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        InstalledAppliance appliance = new InstalledAppliance("console-page");
        InstalledAppliance.Result added = InstalledAppliance.run(List.of(appliance.bin(), "operator", "add", "ada",
                "--data", appliance.data.toString(), "--keys", appliance.keys.toString()), PASSWORD + "\n", appliance.root);
        assertEquals(0, added.exit(), added.output());
        appliance.start(appliance.serveCommand(), appliance::healthy);
        Files.createDirectories(SHOTS);
        String origin = "https://127.0.0.1:" + appliance.httpsPort;
        try {
            try (WebDriver operator = new WebDriver(appliance.root.resolve("operator-profile"), true)) {
                operator.open(origin + "/console/");
                operator.waitFor("!document.getElementById('sign-in').hidden");
                Files.write(SHOTS.resolve("1-sign-in.png"), operator.screenshot());
                operator.type("#name", "ada");
                operator.type("#password", PASSWORD);
                operator.click("#sign-in-form button[type=submit]");
                operator.waitFor("!document.getElementById('dashboard').hidden && document.getElementById('version').textContent !== '…'");
                assertEquals("\"ada (admin)\"", operator.script("return document.getElementById('who').textContent").toString());
                assertEquals("false", operator.script("return String(document.cookie.includes('headroom-console'))").toString().replace("\"", ""),
                        "the console's token is out of the page scripts' reach (HttpOnly)");
                operator.waitFor("document.querySelectorAll('#plugins tbody tr').length === 4");
                assertTrue(operator.script("return document.querySelector('#plugins tbody').textContent").toString().contains("signed by key"),
                        "the admin sees each plugin and why it is trusted");
                Files.write(SHOTS.resolve("2-dashboard.png"), operator.screenshot());

                operator.click("#new-client");
                operator.waitFor("!document.getElementById('card-section').hidden && document.querySelector('#qr svg') !== null");
                operator.script("document.getElementById('card').scrollIntoView()");
                String link = operator.script("return document.getElementById('card-link').textContent").toString().replace("\"", "");
                assertTrue(link.startsWith(origin + "/#invite="), link);
                byte[] shot = operator.screenshot();
                Files.write(SHOTS.resolve("3-client-card.png"), shot);
                assertEquals(link, decodeQr(shot), "the QR code on the card is the printed link");
                String fingerprint = operator.script("return document.getElementById('card-fingerprint').textContent").toString().replace("\"", "");
                assertTrue(fingerprint.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), fingerprint);

                try (WebDriver client = new WebDriver(appliance.root.resolve("client-profile"), true)) {
                    client.open(link);
                    client.waitFor("document.getElementById('open') !== null");
                    assertEquals("\"https:\"", client.script("return location.protocol").toString(), "the client's page is served over HTTPS");
                    client.click("#consent");
                    client.click("#open");
                    client.waitFor("!document.getElementById('session').hidden");
                    Files.write(SHOTS.resolve("4-client-page.png"), client.screenshot());
                }
                // The console refreshes itself: the client's session appears without a reload.
                operator.waitFor("document.querySelectorAll('#clients tbody tr').length >= 1");
                Files.write(SHOTS.resolve("5-console-with-client.png"), operator.screenshot());

                // The operator deletes the client's session: a first press arms, the second deletes.
                operator.click("#clients .delete-client");
                operator.waitFor("document.querySelector('#clients .delete-client') !== null"
                        + " && document.querySelector('#clients .delete-client').textContent === 'Really delete?'");
                operator.click("#clients .delete-client");
                operator.waitFor("document.querySelectorAll('#clients tbody tr').length === 0"
                        + " && document.getElementById('status').textContent.includes('deleted')");
                Files.write(SHOTS.resolve("6-client-deleted.png"), operator.screenshot());
            }
            // The audit log names the deletion and the operator.
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String token = jakarta.json.Json.createReader(new java.io.StringReader(http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + appliance.port + "/api/operators/sign-in"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"ada\", \"password\": \"" + PASSWORD + "\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body())).readObject().getString("token");
            String audit = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + appliance.port + "/api/admin/audit"))
                    .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(audit.contains("operator ada deleted a client's session") && audit.contains("deleted-by-operator"), audit);
        } finally {
            appliance.stop();
        }
    }

    /** Reads the QR code in a screenshot with ZXing. */
    private static String decodeQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
