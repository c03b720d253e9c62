package io.headroom.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.plugin.api.storage.StorageContext;
import io.headroom.plugin.api.storage.StorageDriver;
import io.headroom.plugin.api.storage.StorageException;
import io.headroom.plugin.api.storage.StorageKey;
import io.headroom.plugin.api.storage.testkit.StorageDriverContract;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The storage contract kit against a real S3-compatible server: S3Proxy on loopback, storing in a
 * temporary folder, with AWS signature checking on. Each test gets a bucket of its own.
 */
class S3StorageDriverTest extends StorageDriverContract {

    private static final String ACCESS = "headroom-test";
    private static final String SECRET = "a-secret-that-must-never-be-printed";
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private static Path root;
    private static BlobStoreContext store;
    private static S3Proxy proxy;
    private static URI endpoint;

    private String bucket;

    @BeforeAll
    static void startS3() throws Exception {
        root = Files.createTempDirectory("s3proxy");
        Properties p = new Properties();
        p.setProperty("jclouds.filesystem.basedir", root.toString());
        store = ContextBuilder.newBuilder("filesystem").credentials("unused", "unused").overrides(p).build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(store.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            // Jetty starts on its own thread; S3Proxy offers no future to wait on.
            Thread.onSpinWait();
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    @AfterAll
    static void stopS3() throws Exception {
        proxy.stop();
        store.close();
    }

    @Override
    protected StorageDriver openDriver() throws Exception {
        if (bucket == null) {
            bucket = "headroom-" + BUCKETS.incrementAndGet();
            BlobStore blobs = store.getBlobStore();
            blobs.createContainerInLocation(null, bucket);
        }
        S3StorageDriver d = new S3StorageDriver();
        d.open(context(settings()));
        return d;
    }

    /** Opens the driver on the test's bucket in the crash test's child process; the argument is "endpoint bucket". */
    public static final class Crash implements CrashFactory {
        @Override
        public StorageDriver open(String argument) throws Exception {
            String[] a = argument.split(" ");
            S3StorageDriver d = new S3StorageDriver();
            d.open(context(Map.of("endpoint", a[0], "bucket", a[1], "region", "us-east-1", "access-key", ACCESS, "secret-key", SECRET)));
            return d;
        }
    }

    @Override
    protected Map.Entry<Class<? extends CrashFactory>, String> crashFactory() {
        return Map.entry(Crash.class, endpoint + " " + bucket);
    }

    @AfterEach
    void nextTestGetsANewBucket() {
        bucket = null;
    }

    private Map<String, String> settings() {
        Map<String, String> s = new HashMap<>();
        s.put("endpoint", endpoint.toString());
        s.put("bucket", bucket == null ? "headroom-0" : bucket);
        s.put("region", "us-east-1");
        s.put("access-key", ACCESS);
        s.put("secret-key", SECRET);
        return s;
    }

    private static StorageContext context(Map<String, String> settings) {
        return new StorageContext(root == null ? Path.of(".") : root, settings);
    }

    @Test
    void objectsLiveUnderTheConfiguredPrefixAndForeignObjectsAreIgnored() throws Exception {
        Map<String, String> s = settings();
        s.put("key-prefix", "studio/");
        S3StorageDriver d = new S3StorageDriver();
        d.open(context(s));
        try {
            d.put(new StorageKey("ab/cd"), new ByteArrayInputStream(new byte[] {1, 2, 3}));
            assertTrue(store.getBlobStore().blobExists(bucket, "studio/ab/cd"), "stored under the prefix");
            store.getBlobStore().putBlob(bucket, store.getBlobStore().blobBuilder("studio/Not A Key").payload(new byte[1]).build());
            assertEquals(java.util.List.of(new StorageKey("ab/cd")), d.list(""));
        } finally {
            d.close();
        }
    }

    @Test
    void wrongCredentialsAreRefusedAtOpenWithoutRevealingThem() {
        Map<String, String> s = settings();
        s.put("secret-key", "wrong-secret");
        StorageException e = assertThrows(StorageException.class, () -> new S3StorageDriver().open(context(s)));
        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-secret"));
    }

    @Test
    void incompleteOrUnsafeSettingsAreRefusedByName() {
        for (String missing : new String[] {"endpoint", "bucket", "region", "access-key", "secret-key"}) {
            Map<String, String> s = settings();
            s.remove(missing);
            StorageException e = assertThrows(StorageException.class, () -> new S3StorageDriver().open(context(s)));
            assertTrue(e.getMessage().contains("headroom.storage.s3." + missing), e.getMessage());
        }
        Map<String, String> ftp = settings();
        ftp.put("endpoint", "ftp://127.0.0.1/");
        assertThrows(StorageException.class, () -> new S3StorageDriver().open(context(ftp)));
        Map<String, String> prefix = settings();
        prefix.put("key-prefix", "../up");
        assertThrows(StorageException.class, () -> new S3StorageDriver().open(context(prefix)));
    }

    @Test
    void settingsNeverPrintTheSecret() throws Exception {
        assertFalse(S3Settings.from(context(settings())).toString().contains(SECRET));
    }
}
