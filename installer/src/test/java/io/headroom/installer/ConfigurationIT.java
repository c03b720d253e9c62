package io.headroom.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Settings reach the installed appliance from the environment, and a bad one stops it with a clear reason. */
class ConfigurationIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void environmentVariablesOverrideTheDefaults() throws Exception {
        InstalledAppliance appliance = new InstalledAppliance("config-env");
        appliance.start(appliance.serveCommand(), Map.of("HEADROOM_RETENTION", "PT2H"), appliance::healthy);
        try {
            Instant before = Instant.now();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appliance.port + "/api/sessions"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"consent\": true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode(), r.body());
            Instant deletesAt = Instant.parse(r.body().replaceAll(".*\"deletesAt\":\"([^\"]+)\".*", "$1"));
            Duration retention = Duration.between(before, deletesAt);
            assertTrue(retention.compareTo(Duration.ofHours(2).minusSeconds(10)) > 0
                    && retention.compareTo(Duration.ofHours(2).plusSeconds(10)) < 0, "retention from HEADROOM_RETENTION: " + retention);
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appliance.port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<h1>Headroom</h1>"), page.body());
            assertTrue(!page.body().contains("http://") && !page.body().contains("https://") && !page.body().contains("//cdn"),
                    "the page loads nothing from other hosts");
        } finally {
            appliance.stop();
        }
    }

    @Test
    void aBadSettingStopsTheApplianceWithTheReason() throws Exception {
        InstalledAppliance appliance = new InstalledAppliance("config-bad");
        Process p = appliance.launch(appliance.serveCommand(), Map.of("HEADROOM_RETENTION", "PT10S"));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the appliance must exit, not serve without the application");
        assertEquals(78, p.exitValue(), appliance.log());
        assertTrue(appliance.log().contains("Headroom cannot start: Retention must be at least one minute"), appliance.log());
    }
}
