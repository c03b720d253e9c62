package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.storage.DriverRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code headroom storage migrate}: the blobs of a localfs installation move to an S3-compatible
 * store (S3Proxy on loopback) through the real driver plugins, the record follows, and the local
 * copies go with {@code --delete-source}. Needs the packaged plugin jars, so it runs after package.
 */
class StorageMigrateIT {

    @TempDir
    Path work;

    @Test
    void blobsMoveFromTheLocalDiskToAnS3BucketAndTheRecordFollows() throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        byte[] one = "sealed blob one".getBytes(StandardCharsets.US_ASCII);
        byte[] two = new byte[100_000];
        new java.util.Random(7).nextBytes(two);
        Files.createDirectories(data.resolve("blobs/p1"));
        Files.write(data.resolve("blobs/p1/b1"), one);
        Files.write(data.resolve("blobs/p1/b2"), two);
        DriverRecord.write(data, "localfs");

        Properties p = new Properties();
        p.setProperty("jclouds.filesystem.basedir", Files.createDirectories(work.resolve("s3")).toString());
        try (BlobStoreContext store = ContextBuilder.newBuilder("filesystem").credentials("x", "x").overrides(p).build(BlobStoreContext.class)) {
            store.getBlobStore().createContainerInLocation(null, "studio");
            S3Proxy proxy = S3Proxy.builder().blobStore(store.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "ak", "sk").build();
            proxy.start();
            try {
                while (!"STARTED".equals(proxy.getState())) {
                    Thread.onSpinWait(); // Jetty starts on its own thread; S3Proxy offers nothing to wait on.
                }
                Map<String, String> config = CliConfiguration.read(java.util.Optional.empty(), Map.of(
                        "HEADROOM_STORAGE_S3_ENDPOINT", "http://127.0.0.1:" + proxy.getPort(),
                        "HEADROOM_STORAGE_S3_BUCKET", "studio",
                        "HEADROOM_STORAGE_S3_REGION", "us-east-1",
                        "HEADROOM_STORAGE_S3_ACCESS_KEY", "ak",
                        "HEADROOM_STORAGE_S3_SECRET_KEY", "sk"));
                ByteArrayOutputStream printed = new ByteArrayOutputStream();
                StorageCommand command = new StorageCommand(new PrintStream(printed, true, StandardCharsets.UTF_8),
                        Path.of(System.getProperty("headroom.it.plugins", "target/it-plugins")), config);

                assertEquals(0, command.run(List.of("migrate", "--to", "s3", "--delete-source"), data));

                assertTrue(printed.toString(StandardCharsets.UTF_8).contains("Moved 2 blobs"), printed.toString(StandardCharsets.UTF_8));
                assertEquals("s3", DriverRecord.read(data), "the next start opens s3");
                assertArrayEquals(one, store.getBlobStore().getBlob("studio", "p1/b1").getPayload().openStream().readAllBytes());
                assertArrayEquals(two, store.getBlobStore().getBlob("studio", "p1/b2").getPayload().openStream().readAllBytes());
                assertFalse(Files.exists(data.resolve("blobs/p1/b1")), "the local copies are gone");
                assertFalse(Files.exists(data.resolve("blobs/p1/b2")));

                printed.reset();
                assertEquals(0, command.run(List.of("migrate", "--to", "s3"), data));
                assertTrue(printed.toString(StandardCharsets.UTF_8).contains("nothing to move"));
            } finally {
                proxy.stop();
            }
        }
    }
}
