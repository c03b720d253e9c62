package io.headroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.headroom.operator.OperatorRole;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's session and client cards: the operator token lives only in a strict cookie, every
 * change needs the session's CSRF token, an idle session ends, and a card's QR code decodes to a
 * link whose invitation opens a session. Each test signs in an account of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    private static final String PASSWORD = "a long studio password";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItDeployment.named("console")
                .with("headroom.sessions.open", "false")
                .withMovableClock()
                .withOperator("ada", OperatorRole.ADMIN, PASSWORD)
                .withOperator("bob", OperatorRole.OPERATOR, PASSWORD)
                .withOperator("cy", OperatorRole.OPERATOR, PASSWORD)
                .withOperator("dee", OperatorRole.OPERATOR, PASSWORD)
                .war();
    }

    @ArquillianResource
    URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    private record Console(String cookie, String csrf) {
    }

    private Console signIn(String name) {
        Api.Reply r = api.post("api/console/session", "{\"name\": \"" + name + "\", \"password\": \"" + PASSWORD + "\"}");
        assertEquals(200, r.status(), r.raw().body());
        String setCookie = r.header("Set-Cookie");
        Matcher m = Pattern.compile("headroom-console=([^;]+)").matcher(setCookie);
        assertTrue(m.find(), setCookie);
        assertFalse(r.raw().body().contains(m.group(1)), "the operator token is in the cookie only, never in what scripts read");
        return new Console("headroom-console=" + m.group(1), r.json().getString("csrf"));
    }

    @Test
    void theSessionLivesInAStrictCookieAndEveryChangeNeedsItsCsrfToken() {
        Api.Reply r = api.post("api/console/session", "{\"name\": \"ada\", \"password\": \"" + PASSWORD + "\"}");
        String setCookie = r.header("Set-Cookie");
        for (String attribute : new String[] {"HttpOnly", "Secure", "SameSite=Strict", "Path=/"}) {
            assertTrue(setCookie.contains(attribute), attribute + " in " + setCookie);
        }
        assertEquals("admin", r.json().getString("role"));
        Console ada = signIn("ada");

        assertEquals("ada", api.get("api/console/session", "Cookie", ada.cookie()).json().getString("operator"));
        assertEquals(200, api.get("api/admin/sessions", "Cookie", ada.cookie()).status(), "reading needs the cookie only");
        assertEquals(401, api.post("api/admin/invitations", null, "Cookie", ada.cookie()).status(), "a change without the CSRF token");
        assertEquals(401, api.post("api/admin/invitations", null, "Cookie", ada.cookie(), "X-CSRF-Token", "forged").status());
        assertEquals(201, api.post("api/admin/invitations", null, "Cookie", ada.cookie(), "X-CSRF-Token", ada.csrf()).status());

        api.delete("api/console/session", "Cookie", ada.cookie()).problem(403, "forbidden");
        Api.Reply out = api.delete("api/console/session", "Cookie", ada.cookie(), "X-CSRF-Token", ada.csrf());
        assertEquals(204, out.status());
        assertTrue(out.header("Set-Cookie").contains("Max-Age=0"), out.header("Set-Cookie"));
        assertEquals(401, api.get("api/admin/sessions", "Cookie", ada.cookie()).status(), "signed out: the token is revoked");
        api.get("api/console/session", "Cookie", ada.cookie()).problem(401, "unauthorized");
    }

    @Test
    void aConsoleSessionLeftIdleEnds() {
        Console bob = signIn("bob");
        assertEquals(200, api.get("api/admin/sessions", "Cookie", bob.cookie()).status());
        assertEquals(204, api.post("api/test/clock?advance=PT16M", null).status());
        assertEquals(401, api.get("api/admin/sessions", "Cookie", bob.cookie()).status(), "16 minutes idle: the session ended");
        api.get("api/console/session", "Cookie", bob.cookie()).problem(401, "unauthorized");
    }

    @Test
    void aClientCardsQrCodeDecodesToALinkWhoseInvitationOpensASession() throws Exception {
        Console cy = signIn("cy");
        api.post("api/admin/invitations/card", "{\"origin\": \"http://studio.lan:8080\"}", "Cookie", cy.cookie(), "X-CSRF-Token", cy.csrf())
                .problem(400, "invalid-request");
        Api.Reply r = api.post("api/admin/invitations/card", "{\"origin\": \"https://studio.lan:8443\"}",
                "Cookie", cy.cookie(), "X-CSRF-Token", cy.csrf());
        assertEquals(201, r.status(), r.raw().body());
        JsonObject card = r.json();
        String link = card.getString("link");
        assertTrue(link.startsWith("https://studio.lan:8443/#invite="), link);
        assertEquals("PT24H", card.getString("photosKeptFor"));
        assertEquals(link, decode(card.getString("qrSvg")), "the QR code carries exactly the link");

        String code = link.substring(link.indexOf("#invite=") + "#invite=".length());
        assertEquals(201, api.post("api/sessions", "{\"consent\": true, \"invitation\": \"" + code + "\"}").status(),
                "the card's invitation opens the client's session");
    }

    @Test
    void anOperatorDeletesAClientsSessionWithAReceiptAndAnAuditEntry() {
        Console dee = signIn("dee");
        String code = api.post("api/admin/invitations", null, "Cookie", dee.cookie(), "X-CSRF-Token", dee.csrf()).json().getString("code");
        JsonObject client = api.post("api/sessions", "{\"consent\": true, \"invitation\": \"" + code + "\"}").json();
        String id = client.getString("id");

        assertEquals(401, api.delete("api/admin/sessions/" + id, "Cookie", dee.cookie()).status(), "a change without the CSRF token");
        assertEquals(204, api.delete("api/admin/sessions/" + id, "Cookie", dee.cookie(), "X-CSRF-Token", dee.csrf()).status());
        api.get("api/sessions/" + id, Api.bearer(client.getString("token"))).problem(404, "not-found");
        Api.Reply receipt = api.get("api/receipts/" + client.getString("receiptId"));
        assertEquals(200, receipt.status(), receipt.raw().body());
        assertEquals("deleted-by-operator", receipt.json().getString("reason"));
        String audit = api.get("api/admin/audit", "Cookie", dee.cookie()).raw().body();
        assertTrue(audit.contains("session-deleted-by-operator") && audit.contains("operator dee deleted a client's session"), audit);
        api.delete("api/admin/sessions/" + id, "Cookie", dee.cookie(), "X-CSRF-Token", dee.csrf()).problem(404, "not-found");
    }

    /** The QR code as a picture, module by module from the SVG's squares, read back with ZXing. */
    private static String decode(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(box.find());
        int modules = Integer.parseInt(box.group(1));
        int scale = 8;
        int size = modules * scale;
        int[] pixels = new int[size * size];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher rect = Pattern.compile("<rect x=\"(\\d+)\" y=\"(\\d+)\" width=\"1\" height=\"1\"/>").matcher(svg);
        while (rect.find()) {
            int x0 = Integer.parseInt(rect.group(1)) * scale;
            int y0 = Integer.parseInt(rect.group(2)) * scale;
            for (int y = y0; y < y0 + scale; y++) {
                Arrays.fill(pixels, y * size + x0, y * size + x0 + scale, 0xFF000000);
            }
        }
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)))).getText();
    }
}
