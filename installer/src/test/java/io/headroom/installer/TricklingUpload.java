package io.headroom.installer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A slow client over a plain socket: sends a multipart upload of photos, the first {@code fast}
 * bytes at once, then {@code bytesPerTick} every 100 ms (a visitor on a bad line, or one who
 * means harm) until {@link #finish()} sends the rest. {@link #reply()} is the status line's code
 * and the body.
 */
final class TricklingUpload {

    record Reply(int status, String body) {
    }

    private final CountDownLatch finish = new CountDownLatch(1);
    private final CompletableFuture<Reply> reply;
    private volatile long sent;

    TricklingUpload(int port, String sessionId, String token, List<Path> photos, int fast, int bytesPerTick) {
        String boundary = "trickle" + java.util.UUID.randomUUID().toString().replace("-", "");
        byte[] body = multipart(boundary, photos);
        if (fast > body.length) {
            throw new IllegalArgumentException("the fast part is longer than the body");
        }
        reply = CompletableFuture.supplyAsync(() -> {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/sessions/" + sessionId + "/photos HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                        + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, fast);
                out.flush();
                int at = fast;
                // Leaves the last bytes for finish(), however long it takes to be called.
                while (!finish.await(100, TimeUnit.MILLISECONDS) && at + bytesPerTick < body.length) {
                    out.write(body, at, bytesPerTick);
                    out.flush();
                    at += bytesPerTick;
                    sent = at;
                }
                finish.await();
                out.write(body, at, body.length - at);
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
                return new Reply(status, answer.substring(answer.indexOf("\r\n\r\n") + 4));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "trickling-upload");
            t.setDaemon(true);
            return t;
        }));
    }

    /** Bytes sent so far. */
    long sent() {
        return sent;
    }

    /** Whether the server has answered (it should not, while the client still sends). */
    boolean answered() {
        return reply.isDone();
    }

    /** Sends the rest at once. */
    void finish() {
        finish.countDown();
    }

    Reply reply() throws Exception {
        return reply.get(60, TimeUnit.SECONDS);
    }

    private static byte[] multipart(String boundary, List<Path> photos) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Path p : photos) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                body.writeBytes(Files.readAllBytes(p));
                body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }
}
