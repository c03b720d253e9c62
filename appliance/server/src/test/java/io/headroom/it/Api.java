package io.headroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the ITs: JSON in, status + JSON out. */
public final class Api {

    /** One answer. */
    public record Reply(int status, HttpResponse<String> raw) {

        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonStructure structure() {
            return Json.createReader(new StringReader(raw.body())).read();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** Asserts an RFC 9457 problem with the given status and code, and returns it. */
        public JsonObject problem(int expectedStatus, String expectedCode) {
            assertEquals(expectedStatus, status, raw.body());
            assertTrue(header("Content-Type").matches("application/problem\\+json(;\\s*charset=UTF-8)?"), header("Content-Type"));
            JsonObject p = json();
            assertEquals(expectedCode, p.getString("code"));
            assertEquals("urn:headroom:problem:" + expectedCode, p.getString("type"));
            assertEquals(expectedStatus, p.getInt("status"));
            assertFalse(p.getString("title").isBlank());
            assertFalse(p.getString("detail").isBlank());
            assertFalse(raw.body().contains("Exception"), "no stack trace or exception name: " + raw.body());
            assertFalse(raw.body().contains("\tat "), raw.body());
            return p;
        }
    }

    // HTTP/1.1: the default h2c upgrade attempt stalls on a POST the server refuses before reading its body.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    public Api(URL base) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    }

    /** The server root, where /health and /openapi live. */
    public URI root() {
        return base.resolve("/");
    }

    public Reply get(String path, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
    }

    public Reply getAbsolute(URI uri, String... headers) {
        return send(HttpRequest.newBuilder(uri).GET(), headers);
    }

    public Reply post(String path, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b, headers);
    }

    public Reply delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE(), headers);
    }

    /** POSTs multipart/form-data with one part named {@code field} per file (file names are made up). */
    public Reply postFiles(String path, String field, java.util.List<byte[]> files, String... headers) {
        String boundary = "----headroom-it-" + java.util.UUID.randomUUID();
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, field, files)));
        return send(b, headers);
    }

    /** What a hand-written HTTP exchange answered. */
    public record RawReply(int status, String body) {
    }

    /**
     * A client that stalls: POSTs the photos as {@link #postFiles} does, over a plain socket, but
     * sends only the body's first {@code sendFirst} bytes until {@code release} is counted down,
     * then the rest. The server has the request (and whatever parts are complete) while the
     * client is still sending. (A socket of its own: an HTTP client library may hold back what
     * it was given while its body source blocks.)
     */
    public java.util.concurrent.CompletableFuture<RawReply> postFilesStalling(String path, java.util.List<byte[]> files, int sendFirst,
                                                                              java.util.concurrent.CountDownLatch release, String token) {
        String boundary = "----headroom-it-" + java.util.UUID.randomUUID();
        byte[] body = multipart(boundary, "photo", files);
        URI target = base.resolve(path);
        java.util.concurrent.CompletableFuture<RawReply> reply = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (java.net.Socket socket = new java.net.Socket(target.getHost(), target.getPort())) {
                java.io.OutputStream out = socket.getOutputStream();
                out.write(("POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                        + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                        + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.write(body, 0, sendFirst);
                out.flush();
                release.await();
                out.write(body, sendFirst, body.length - sendFirst);
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
                return new RawReply(status, answer.substring(answer.indexOf("\r\n\r\n") + 4));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, java.util.concurrent.Executors.newSingleThreadExecutor());
        return reply;
    }

    private static byte[] multipart(String boundary, String field, java.util.List<byte[]> files) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        int n = 0;
        for (byte[] file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"selfie-" + (n++)
                    + ".jpg\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** GETs raw bytes. */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The data lines of a Server-Sent Events stream, until {@code last} matches one or the stream ends (at most a minute). */
    public java.util.List<String> events(String path, java.util.function.Predicate<String> last, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/event-stream").GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        java.util.concurrent.CompletableFuture<java.util.List<String>> done = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines())
                .thenApply(r -> {
                    java.util.List<String> data = new java.util.ArrayList<>();
                    java.util.Iterator<String> lines = r.body().iterator();
                    while (lines.hasNext()) {
                        String line = lines.next();
                        if (line.startsWith("data:")) {
                            String d = line.substring(5).trim();
                            data.add(d);
                            if (last.test(d)) {
                                break;
                            }
                        }
                    }
                    return data;
                });
        try {
            return done.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the event stream did not end as expected", e);
        }
    }

    public Reply send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a session with consent and returns its JSON answer. */
    public JsonObject openSession() {
        Reply r = post("api/sessions", "{\"consent\": true}");
        assertEquals(201, r.status(), r.raw().body());
        return r.json();
    }

    public static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }
}
