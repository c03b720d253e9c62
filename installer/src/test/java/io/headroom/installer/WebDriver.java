package io.headroom.installer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A real headless Chromium driven through chromedriver's W3C WebDriver protocol (plain HTTP and
 * JSON, so no client library is needed). Started with the flags that keep Chromium off the
 * network: no background networking, no component updates, no sync.
 */
final class WebDriver implements AutoCloseable {

    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String session;

    WebDriver(Path profile) throws IOException, InterruptedException {
        this(profile, false);
    }

    /**
     * @param acceptInsecureCerts accept the appliance's self-made HTTPS certificate, as an operator
     *                            who compared its fingerprint does (W3C capability, test browsers only)
     */
    WebDriver(Path profile, boolean acceptInsecureCerts) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        driver = new ProcessBuilder("chromedriver", "--port=" + port).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = "http://127.0.0.1:" + port;
        JsonObject caps = Json.createObjectBuilder().add("capabilities", Json.createObjectBuilder().add("alwaysMatch",
                Json.createObjectBuilder().add("browserName", "chrome").add("acceptInsecureCerts", acceptInsecureCerts).add("goog:chromeOptions", Json.createObjectBuilder()
                        .add("binary", "/usr/bin/chromium")
                        .add("args", Json.createArrayBuilder(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                                "--disable-component-update", "--disable-sync", "--window-size=1100,1400",
                                "--user-data-dir=" + profile)))))).build();
        JsonObject created = null;
        for (int attempt = 0; created == null; attempt++) {
            try {
                created = call("POST", "/session", caps);
            } catch (IOException e) {
                if (attempt > 100) {
                    throw e;
                }
                Thread.sleep(100); // chromedriver is still binding its port: nothing to wait on but the port
            }
        }
        session = created.getJsonObject("value").getString("sessionId");
        call("POST", "/session/" + session + "/timeouts", Json.createObjectBuilder().add("script", 120_000).add("implicit", 10_000).build());
    }

    void open(String url) throws IOException {
        call("POST", path("/url"), Json.createObjectBuilder().add("url", url).build());
    }

    String find(String css) throws IOException {
        JsonObject v = call("POST", path("/element"), Json.createObjectBuilder().add("using", "css selector").add("value", css).build())
                .getJsonObject("value");
        if (!v.containsKey(ELEMENT)) {
            throw new IOException("no element " + css + ": " + v);
        }
        return v.getString(ELEMENT);
    }

    void click(String css) throws IOException {
        call("POST", path("/element/" + find(css) + "/click"), Json.createObjectBuilder().build());
    }

    void type(String css, String text) throws IOException {
        call("POST", path("/element/" + find(css) + "/value"), Json.createObjectBuilder().add("text", text).build());
    }

    /** Runs {@code body} as an async script: it gets a {@code done} callback as its last argument. */
    JsonValue async(String body) throws IOException {
        return call("POST", path("/execute/async"), Json.createObjectBuilder().add("script", body)
                .add("args", Json.createArrayBuilder()).build()).get("value");
    }

    /** Resolves when {@code condition} (a JS expression) is true, re-checking on every DOM change. */
    void waitFor(String condition) throws IOException {
        async("const done = arguments[arguments.length - 1];"
                + "const check = () => { try { return !!(" + condition + "); } catch (e) { return false; } };"
                + "if (check()) { done(true); return; }"
                + "const o = new MutationObserver(() => { if (check()) { o.disconnect(); done(true); } });"
                + "o.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});");
    }

    JsonValue script(String body) throws IOException {
        return call("POST", path("/execute/sync"), Json.createObjectBuilder().add("script", body).add("args", Json.createArrayBuilder()).build())
                .get("value");
    }

    byte[] screenshot() throws IOException {
        return Base64.getDecoder().decode(call("GET", path("/screenshot"), null).getString("value"));
    }

    private String path(String p) {
        return "/session/" + session + p;
    }

    private JsonObject call(String method, String p, JsonObject body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + p)).timeout(Duration.ofMinutes(3))
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonObject json = Json.createReader(new StringReader(r.body())).readObject();
            if (r.statusCode() >= 400) {
                throw new IOException("WebDriver " + method + " " + p + ": " + json);
            }
            return json;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        try {
            call("DELETE", "/session/" + session, null);
        } catch (IOException e) {
            // the driver goes anyway
        }
        driver.destroy();
    }
}
