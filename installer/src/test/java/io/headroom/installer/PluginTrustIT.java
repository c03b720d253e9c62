package io.headroom.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Plugins are trusted on purpose in the installed appliance: the build signs what it ships, an
 * unsigned copy of a shipped plugin is refused and listed with the reason until the operator pins
 * it with {@code bin/headroom plugins trust}, and a second storage driver under a taken id stops
 * the start with a message.
 */
class PluginTrustIT {

    private static final String PASSWORD = "a long studio password";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUnsignedShippedPluginIsRefusedUntilPinnedAndADriverIdClashRefusesStart() throws Exception {
        InstalledAppliance appliance = new InstalledAppliance("plugin-trust").withOwnInstallation();
        Path plugins = appliance.home().resolve("plugins");
        Path creative = jar(plugins, "headroom-style-creative");
        Files.delete(Path.of(creative + ".sig"));

        InstalledAppliance.Result listed = InstalledAppliance.run(List.of(appliance.bin(), "plugins", "list"), null, appliance.root);
        assertEquals(0, listed.exit(), listed.output());
        assertTrue(listed.output().contains(creative.getFileName() + ": REFUSED, it has no signature"), listed.output());
        assertTrue(listed.output().contains(jar(plugins, "headroom-style-corporate").getFileName() + ": style-corporate"), listed.output());

        InstalledAppliance.Result added = InstalledAppliance.run(List.of(appliance.bin(), "operator", "add", "ada",
                "--data", appliance.data.toString(), "--keys", appliance.keys.toString()), PASSWORD + "\n", appliance.root);
        assertEquals(0, added.exit(), added.output());
        appliance.start(appliance.serveCommand(), appliance::healthy);
        try {
            String admin = json(send(appliance, "POST", "/api/operators/sign-in", "{\"name\": \"ada\", \"password\": \"" + PASSWORD + "\"}", null), 200)
                    .getString("token");
            JsonObject before = json(send(appliance, "GET", "/api/admin/plugins", null, admin), 200);
            assertTrue(before.getBoolean("signaturesRequired"));
            JsonObject refused = plugin(before, "style-creative");
            assertEquals("failed", refused.getString("state"), before.toString());
            assertTrue(refused.getString("problem").contains("no signature"), refused.toString());
            assertTrue(plugin(before, "style-corporate").getString("trust").startsWith("signed by key "), before.toString());
            assertTrue(send(appliance, "GET", "/api/styles", null, null).body().contains("corporate/"));
            assertTrue(!send(appliance, "GET", "/api/styles", null, null).body().contains("creative/"), "no style of a refused pack");

            InstalledAppliance.Result pinned = InstalledAppliance.run(List.of(appliance.bin(), "plugins", "trust", creative.toString()),
                    null, appliance.root);
            assertEquals(0, pinned.exit(), pinned.output());
            // A refused jar is tried again at every reload.
            JsonObject reloaded = json(send(appliance, "POST", "/api/admin/plugins/reload", null, admin), 200);
            assertEquals(List.of("style-creative"), reloaded.getJsonArray("loaded").getValuesAs(jakarta.json.JsonString.class)
                    .stream().map(jakarta.json.JsonString::getString).toList(), reloaded.toString());
            JsonObject after = json(send(appliance, "GET", "/api/admin/plugins", null, admin), 200);
            assertEquals("pinned by its SHA-256", plugin(after, "style-creative").getString("trust"), after.toString());
            assertEquals(plugin(after, "style-creative").getString("sha256"), after.getJsonArray("pinnedJars").getJsonObject(0).getString("sha256"));
            assertTrue(send(appliance, "GET", "/api/styles", null, null).body().contains("creative/"), "the pack's styles are offered once it started");
        } finally {
            appliance.stop();
        }

        // A second storage driver under the id 'localfs', pinned by the operator: which one would hold the blobs?
        Path shadow = plugins.resolve("shadow-storage.jar");
        rewritten(jar(plugins, "headroom-storage-localfs"), shadow, Map.of("Plugin-Id", "storage-shadow"));
        assertEquals(0, InstalledAppliance.run(List.of(appliance.bin(), "plugins", "trust", shadow.toString()), null, appliance.root).exit());
        Process p = appliance.launch(appliance.serveCommand(), Map.of());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the appliance must exit, not serve with two drivers under one id");
        assertEquals(78, p.exitValue(), appliance.log());
        assertTrue(appliance.log().contains("Two storage drivers have the id 'localfs' (plugins storage-localfs and storage-shadow)"),
                appliance.log());
    }

    private static JsonObject plugin(JsonObject list, String id) {
        return list.getJsonArray("plugins").getValuesAs(JsonObject.class).stream().filter(p -> id.equals(p.getString("id", null)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + id + " in " + list));
    }

    private static Path jar(Path plugins, String artifact) throws Exception {
        try (Stream<Path> jars = Files.list(plugins)) {
            return jars.filter(p -> p.getFileName().toString().startsWith(artifact) && p.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
    }

    /** A copy of {@code source} whose descriptor says otherwise. */
    private static void rewritten(Path source, Path target, Map<String, String> changes) throws Exception {
        try (java.util.jar.JarFile in = new java.util.jar.JarFile(source.toFile())) {
            java.util.jar.Manifest m = new java.util.jar.Manifest(in.getManifest());
            changes.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
            try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(target), m)) {
                for (java.util.Enumeration<java.util.jar.JarEntry> e = in.entries(); e.hasMoreElements(); ) {
                    java.util.jar.JarEntry entry = e.nextElement();
                    if (!entry.getName().equals("META-INF/MANIFEST.MF")) {
                        out.putNextEntry(new java.util.jar.JarEntry(entry.getName()));
                        try (java.io.InputStream content = in.getInputStream(entry)) {
                            content.transferTo(out);
                        }
                    }
                }
            }
        }
    }

    private HttpResponse<String> send(InstalledAppliance a, String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }
}
