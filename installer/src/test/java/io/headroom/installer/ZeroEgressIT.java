package io.headroom.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the appliance makes no outbound connection and no DNS lookup: the built appliance runs
 * in a network namespace with only a loopback interface, under {@code strace -f}; the API is
 * exercised from inside that namespace over the HTTPS listener (the certificate the appliance makes
 * at its first start included: it is named from the interfaces, never by a lookup); any connect or send to a non-loopback address or to
 * port 53 fails the test. Needs root (unshare, nsenter) and strace, which {@code .ci/run} installs.
 */
class ZeroEgressIT {

    private static final String PASSWORD = "a long studio password";

    /** The appliance's certificate (PEM), once it exists: curl trusts it for the HTTPS calls. */
    private String cacert;

    @Test
    void theApplianceTalksToNobodyButItsClients() throws Exception {
        exercise(new InstalledAppliance("egress"), Map.of(), "");
    }

    /**
     * The same with the S3 driver configured: an S3-compatible server (S3Proxy) runs on loopback
     * inside the namespace, and the appliance talks to it and to nothing else.
     */
    @Test
    void withTheS3DriverTheApplianceTalksOnlyToItsStore() throws Exception {
        InstalledAppliance appliance = new InstalledAppliance("egress-s3");
        Path store = Files.createDirectories(appliance.root.resolve("s3/studio"));
        int port = 20000 + (int) (ProcessHandle.current().pid() % 20000);
        Path properties = appliance.root.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=headroom",
                "s3proxy.credential=" + "a-store-secret",
                "jclouds.provider=filesystem",
                "jclouds.identity=unused",
                "jclouds.credential=unused",
                "jclouds.filesystem.basedir=" + store.getParent()) + "\n");
        Path jar = Path.of(System.getProperty("headroom.it.s3proxy", "target/s3proxy/s3proxy.jar")).toAbsolutePath();
        // In a subshell, so the server is nobody's child: strace would otherwise wait for it at the end.
        String startStore = "(java -jar '" + jar + "' --properties '" + properties + "' > '" + appliance.root.resolve("s3proxy.log") + "' 2>&1 &) && "
                + "for i in $(seq 1 300); do curl -s -o /dev/null http://127.0.0.1:" + port + "/ && break; sleep 0.2; done && ";
        try {
            exercise(appliance, Map.of(
                "HEADROOM_STORAGE_DRIVER", "s3",
                "HEADROOM_STORAGE_S3_ENDPOINT", "http://127.0.0.1:" + port,
                "HEADROOM_STORAGE_S3_BUCKET", "studio",
                "HEADROOM_STORAGE_S3_REGION", "us-east-1",
                "HEADROOM_STORAGE_S3_ACCESS_KEY", "headroom",
                "HEADROOM_STORAGE_S3_SECRET_KEY", "a-store-secret"), startStore);
        } finally {
            // S3Proxy was started inside the namespace before the appliance and outlives it.
            ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                    .map(a -> String.join(" ", a).contains(properties.toString())).orElse(false)).forEach(ProcessHandle::destroyForcibly);
        }
        try (var objects = Files.walk(store)) {
            assertEquals(0, objects.filter(Files::isRegularFile).count(), "the deleted session left nothing in the bucket");
        }
        assertFalse(appliance.log().contains("a-store-secret"), "the store's secret is not logged");
    }

    /** Runs the appliance (after {@code before}, a shell prefix run in the namespace) through a session and an operator's calls. */
    private void exercise(InstalledAppliance appliance, Map<String, String> env, String before) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "network namespaces need root; CI runs as root");
        for (String tool : List.of("strace", "unshare", "nsenter", "ip", "curl")) {
            assertEquals(0, InstalledAppliance.run(List.of("sh", "-c", "command -v " + tool), null, Path.of(".")).exit(),
                    tool + " is needed for this test (.ci/run installs it)");
        }
        Path cliTrace = appliance.root.resolve("cli.strace");
        Path serverTrace = appliance.root.resolve("server.strace");

        // The command-line tool too, in its own loopback-only namespace.
        InstalledAppliance.Result added = InstalledAppliance.run(isolated(cliTrace, "", List.of(
                InstalledAppliance.launcher().toString(), "operator", "add", "ada",
                "--data", appliance.data.toString(), "--keys", appliance.keys.toString())), PASSWORD + "\n", appliance.root);
        assertEquals(0, added.exit(), added.output());

        Process server = appliance.start(isolated(serverTrace, before, appliance.serveCommand()), env,
                () -> curlInside(appliancePid(appliance), "-sf", plainUrl(appliance, "/health")).exit() == 0);
        long pid = server.pid();
        // Everything a client does goes over the HTTPS listener, trusting the certificate the appliance made.
        cacert = appliance.keys.resolve("tls/https.crt").toString();
        try {
            String session = curlInside(pid, "-sf", "-XPOST", "-H", "Content-Type: application/json",
                    "-d", "{\"consent\": true}", url(appliance, "/api/sessions")).output();
            assertTrue(session.contains("\"token\""), session);
            String id = session.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            String token = session.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            assertEquals(0, curlInside(pid, "-sf", "-H", "Authorization: Bearer " + token, url(appliance, "/api/sessions/" + id)).exit());
            Path photo = Path.of("../appliance/core/src/test/resources/photos/london_025_neutral_INJECTED_gps_exif_only.jpg").toAbsolutePath();
            String uploaded = curlInside(pid, "-sf", "-H", "Authorization: Bearer " + token, "-F", "photo=@" + photo,
                    url(appliance, "/api/sessions/" + id + "/photos")).output();
            assertTrue(uploaded.contains("GPS location"), uploaded);
            String photoId = uploaded.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
            assertEquals(0, curlInside(pid, "-sf", "-o", "/dev/null", "-H", "Authorization: Bearer " + token,
                    url(appliance, "/api/sessions/" + id + "/photos/" + photoId)).exit());
            assertTrue(curlInside(pid, "-s", "-H", "Authorization: Bearer wrong", url(appliance, "/api/sessions/" + id)).output().contains("not-found"));
            String signIn = curlInside(pid, "-sf", "-XPOST", "-H", "Content-Type: application/json",
                    "-d", "{\"name\": \"ada\", \"password\": \"" + PASSWORD + "\"}", url(appliance, "/api/operators/sign-in")).output();
            String operatorToken = signIn.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            assertEquals(0, curlInside(pid, "-sf", "-XPOST", "-H", "Authorization: Bearer " + operatorToken, url(appliance, "/api/admin/invitations")).exit());
            assertEquals(0, curlInside(pid, "-sf", "-H", "Authorization: Bearer " + operatorToken, url(appliance, "/api/admin/sessions")).exit());
            assertEquals(0, curlInside(pid, "-sf", url(appliance, "/openapi")).exit());
            assertEquals(0, curlInside(pid, "-sf", "-XDELETE", "-H", "Authorization: Bearer " + token, url(appliance, "/api/sessions/" + id)).exit());
        } finally {
            appliance.stop();
        }

        List<String> trace = Files.readAllLines(serverTrace, StandardCharsets.UTF_8);
        assertTrue(EgressTrace.boundTo(trace, appliance.port), "the trace must show the server binding its port");
        assertTrue(EgressTrace.boundTo(trace, appliance.httpsPort), "the trace must show the server binding its HTTPS port");
        List<String> violations = new ArrayList<>(EgressTrace.violations(trace));
        violations.addAll(EgressTrace.violations(Files.readAllLines(cliTrace, StandardCharsets.UTF_8)));
        assertTrue(violations.isEmpty(), "outbound network attempts:\n" + String.join("\n", violations));
    }

    /** Runs {@code command} in a new network namespace with only loopback up, traced into {@code trace}. */
    private static List<String> isolated(Path trace, String before, List<String> command) {
        StringBuilder quoted = new StringBuilder();
        for (String c : command) {
            quoted.append(" '").append(c.replace("'", "'\\''")).append('\'');
        }
        return List.of("unshare", "--net", "--", "sh", "-c",
                "ip link set lo up && " + before + "exec strace -f -qq -e trace=network -o '" + trace + "'" + quoted);
    }

    private static long appliancePid(InstalledAppliance appliance) {
        return ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(appliance.root.toString())).orElse(false))
                .findFirst().map(ProcessHandle::pid).orElse(-1L);
    }

    private InstalledAppliance.Result curlInside(long pid, String... curlArgs) {
        if (pid < 0) {
            return new InstalledAppliance.Result(1, "no process yet");
        }
        List<String> cmd = new ArrayList<>(List.of("nsenter", "--target", Long.toString(pid), "--net", "--",
                "curl", "--max-time", "20", "--noproxy", "*"));
        if (cacert != null) {
            cmd.addAll(List.of("--cacert", cacert));
        }
        cmd.addAll(List.of(curlArgs));
        try {
            return InstalledAppliance.run(cmd, null, Path.of("."));
        } catch (IOException e) {
            return new InstalledAppliance.Result(1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InstalledAppliance.Result(1, e.toString());
        }
    }

    private String url(InstalledAppliance a, String path) {
        return "https://127.0.0.1:" + a.httpsPort + path;
    }

    private static String plainUrl(InstalledAppliance a, String path) {
        return "http://127.0.0.1:" + a.port + path;
    }
}
