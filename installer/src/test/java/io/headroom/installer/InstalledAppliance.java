package io.headroom.installer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The appliance as installed by the build ({@code installer/target/headroom}), started through
 * {@code bin/headroom} like an operator would, with its own data and keys directories.
 */
final class InstalledAppliance {

    static final Path DIST = Path.of(System.getProperty("headroom.dist", "target/headroom"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    final Path root;
    final Path data;
    final Path keys;
    final int port;
    final int httpsPort;
    private Path home = DIST;
    private Process process;
    private Path log;

    InstalledAppliance(String name) {
        try {
            Path work = Path.of(System.getProperty("headroom.it.work", "target/it-work"));
            Files.createDirectories(work);
            root = Files.createTempDirectory(work, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        data = root.resolve("data");
        keys = root.resolve("keys");
        port = freePort();
        int https;
        do {
            https = freePort();
        } while (https == port);
        httpsPort = https;
    }

    static Path launcher() {
        return DIST.resolve("bin/headroom").toAbsolutePath();
    }

    /**
     * An installation of this appliance's own under {@code root/headroom}, for a test that changes
     * its plugins or trust folder: bin, config and plugins copied; lib and models linked.
     */
    InstalledAppliance withOwnInstallation() throws IOException {
        Path own = root.resolve("headroom");
        for (String folder : List.of("bin", "config", "plugins")) {
            Path from = DIST.resolve(folder);
            try (java.util.stream.Stream<Path> all = Files.walk(from)) {
                for (Path p : all.toList()) {
                    Path to = own.resolve(folder).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        Files.createSymbolicLink(own.resolve("lib"), DIST.resolve("lib").toAbsolutePath());
        Files.createSymbolicLink(own.resolve("models"), DIST.resolve("models").toAbsolutePath());
        home = own;
        return this;
    }

    /** This appliance's installation (the built one unless {@link #withOwnInstallation}). */
    Path home() {
        return home;
    }

    /** This appliance's {@code bin/headroom}. */
    String bin() {
        return home.resolve("bin/headroom").toAbsolutePath().toString();
    }

    /** {@code bin/headroom serve} for this appliance, to run as is or wrapped in another command. */
    List<String> serveCommand() {
        return List.of(bin(), "serve", "--port", Integer.toString(port), "--https-port", Integer.toString(httpsPort),
                "--data", data.toString(), "--keys", keys.toString());
    }

    /** Starts {@code command} (which runs the appliance) and waits until {@code ready} holds. */
    Process start(List<String> command, BooleanSupplier ready) throws IOException, InterruptedException {
        return start(command, Map.of(), ready);
    }

    /** As {@link #start(List, BooleanSupplier)} with extra environment variables. */
    Process start(List<String> command, Map<String, String> env, BooleanSupplier ready) throws IOException, InterruptedException {
        launch(command, env);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("the appliance exited during start-up:\n" + log());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the appliance did not become ready in " + START_TIMEOUT + ":\n" + log());
            }
            // Polling a server that is booting: no event to wait on from outside the process.
            Thread.sleep(250);
        }
        return process;
    }

    /** Starts {@code command} without waiting for anything. */
    Process launch(List<String> command, Map<String, String> env) throws IOException {
        log = Files.createTempFile(root, "serve-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The build machine may be short of disk; admission control has tests of its own.
        pb.environment().put("HEADROOM_ADMISSION_DISK_RESERVE", "1MiB");
        pb.environment().putAll(env);
        process = pb.start();
        return process;
    }

    /** SIGKILL: the appliance dies on the spot, as in a power cut. */
    void kill() throws InterruptedException {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the appliance did not die");
        }
    }

    /** Sends SIGTERM to the Java process and waits for the whole process tree to end. */
    int stop() throws InterruptedException {
        ProcessHandle java = ProcessHandle.of(javaPid()).orElse(process.toHandle());
        java.destroy();
        if (!java.onExit().thenApply(p -> true).completeOnTimeout(false, 60, TimeUnit.SECONDS).join()) {
            throw new AssertionError("the appliance did not stop within 60 s of SIGTERM:\n" + log());
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the launcher did not exit after the appliance stopped");
        }
        return process.exitValue();
    }

    /** Whether {@code /health} answers 200 on loopback. */
    boolean healthy() {
        try {
            return HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The appliance's first answer to {@code GET path} that comes from the application itself,
     * polled from the moment the process starts: until the application is deployed the server
     * answers with its own HTML 404 page, and before that it does not listen at all; while the
     * application starts, its start-up gate answers 503; just after, Payara may answer the generic
     * 404 of the error page for a moment (seen once in ten starts).
     */
    java.net.http.HttpResponse<String> firstApplicationAnswer(String path) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                java.net.http.HttpResponse<String> r = HTTP.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + path)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                // A 503 is the start-up gate: nothing is served before start-up has finished. Payara
                // may, for a fraction of a second just after it reports "ready", route a request to
                // the error page instead of the API: the generic 404 ("nothing at this address"),
                // never the API's own 404s, which name what is missing.
                if (r.statusCode() != 503 && r.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(false)
                        && !(r.statusCode() == 404 && r.body().contains("There is nothing at this address."))) {
                    return r;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            // Between attempts while the appliance starts: no event to wait on from outside.
            Thread.sleep(100);
        }
        throw new AssertionError("the application did not answer " + path + " within " + START_TIMEOUT + ":\n" + log());
    }

    /** The process id of the appliance's JVM (the launcher script is its parent). */
    long javaPid() {
        // The appliance's own JVM: a test may run other Java processes (an S3 server) beside it.
        return process.toHandle().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("headroom-appliance.jar")).orElse(false))
                .findFirst().orElse(process.toHandle()).pid();
    }

    String log() {
        try {
            return log == null ? "" : Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Runs a command to completion, feeding {@code stdin}; returns exit code and combined output. */
    static Result run(List<String> command, String stdin, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("command timed out: " + command);
        }
        return new Result(p.exitValue(), out);
    }

    record Result(int exit, String output) {
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a session with consent, as the page does; its JSON answer (id, token, deletesAt, receiptId). */
    jakarta.json.JsonObject openSession() throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> r = HTTP.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/sessions"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"consent\": true}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError("opening a session answered " + r.statusCode() + ": " + r.body());
        }
        return jakarta.json.Json.createReader(new java.io.StringReader(r.body())).readObject();
    }

    /** Uploads test photos to a session as the page does (multipart, parts named "photo"); expects 201. */
    void uploadPhotos(String sessionId, String token, String... names) throws IOException, InterruptedException {
        Path photos = Path.of("../appliance/core/src/test/resources/photos");
        String boundary = "b" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (String n : names) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(Files.readAllBytes(photos.resolve(n)));
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        java.net.http.HttpResponse<String> r = HTTP.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/sessions/" + sessionId + "/photos"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError("upload answered " + r.statusCode() + ": " + r.body());
        }
    }
}
