package io.headroom.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A job cut off by the appliance dying (SIGKILL) runs again after the next start and finishes. */
class JobResumeIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aJobInterruptedByACrashFinishesAfterRestart() throws Exception {
        InstalledAppliance appliance = new InstalledAppliance("resume");
        appliance.start(appliance.serveCommand(), appliance::healthy);
        String base = "http://127.0.0.1:" + appliance.port;
        String session = send(HttpRequest.newBuilder(URI.create(base + "/api/sessions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"consent\": true}")), 201);
        String id = field(session, "id");
        String token = field(session, "token");
        appliance.uploadPhotos(id, token, "london_005_neutral.jpg", "london_006_neutral.jpg", "london_021_neutral.jpg",
                "london_005_smiling.jpg", "london_006_smiling.jpg", "london_021_smiling.jpg");
        String job = field(send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + id + "/jobs"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"styles\": [\"natural\"]}")), 202), "id");
        appliance.kill();

        appliance.start(appliance.serveCommand(), appliance::healthy);
        try {
            String last = lastEvent(base + "/api/sessions/" + id + "/jobs/" + job + "/events", token);
            assertTrue(last.contains("\"done\""), "the job finished after the restart: " + last);
            String headshots = send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + id + "/headshots"))
                    .header("Authorization", "Bearer " + token).GET(), 200);
            assertEquals(8, headshots.split("\"aspect\"").length - 1, "best 4 photos × 2 aspects, none twice: " + headshots);
        } finally {
            appliance.stop();
        }
    }

    /** Follows the job's event stream to its end (a finished job's stream ends by itself). */
    private String lastEvent(String url, String token) throws Exception {
        CompletableFuture<String> last = http.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines()).thenApply(r -> {
                    String data = "";
                    for (Iterator<String> it = r.body().iterator(); it.hasNext(); ) {
                        String line = it.next();
                        if (line.startsWith("data:")) {
                            data = line;
                        }
                    }
                    return data;
                });
        return last.get(120, TimeUnit.SECONDS);
    }

    private String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), r.body());
        return r.body();
    }

    private static String field(String json, String name) {
        return json.replaceAll("(?s).*\"" + name + "\":\"([^\"]+)\".*", "$1");
    }
}
