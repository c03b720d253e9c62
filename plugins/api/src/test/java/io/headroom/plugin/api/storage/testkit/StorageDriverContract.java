package io.headroom.plugin.api.storage.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.plugin.api.storage.NoSuchObjectException;
import io.headroom.plugin.api.storage.StorageDriver;
import io.headroom.plugin.api.storage.StorageException;
import io.headroom.plugin.api.storage.StorageKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link StorageDriver} must keep. A driver's own test extends this class
 * and implements {@link #openDriver()} to return a freshly opened driver on an empty store:
 *
 * <pre>{@code
 * class MyDriverTest extends StorageDriverContract {
 *     @TempDir Path data;
 *     protected StorageDriver openDriver() throws Exception {
 *         MyDriver d = new MyDriver();
 *         d.open(new StorageContext(data, Map.of()));
 *         return d;
 *     }
 * }
 * }</pre>
 *
 * The kit closes the driver after each test. Override {@link #reopen(StorageDriver)} when the
 * driver keeps state that a new instance must find (the default opens a second driver on the
 * same store through {@link #openDriver()} — return the same store there).
 */
public abstract class StorageDriverContract {

    private StorageDriver driver;

    /** A newly opened driver on the store under test; each call must reach the same store within one test. */
    protected abstract StorageDriver openDriver() throws Exception;

    /** A second driver instance on the same store, as after a restart. */
    protected StorageDriver reopen(StorageDriver first) throws Exception {
        return openDriver();
    }

    @BeforeEach
    void openUnderTest() throws Exception {
        driver = openDriver();
    }

    @AfterEach
    void closeUnderTest() {
        driver.close();
    }

    private static StorageKey key(String k) {
        return new StorageKey(k);
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private byte[] read(StorageKey k) throws IOException {
        try (InputStream in = driver.get(k)) {
            return in.readAllBytes();
        }
    }

    @Test
    void idIsStableLowerCase() {
        assertTrue(driver.id().matches("[a-z0-9-]{1,32}"), driver.id());
        assertEquals(driver.id(), driver.id());
    }

    @Test
    void getReturnsExactlyWhatWasPut() throws Exception {
        for (int size : new int[] {0, 1, 65_535, 65_536, 1_000_003}) {
            byte[] content = random(size, size);
            StorageKey k = key("s/" + size);
            driver.put(k, new ByteArrayInputStream(content));
            assertArrayEquals(content, read(k), "size " + size);
        }
    }

    @Test
    void putReplacesAWholeObject() throws Exception {
        StorageKey k = key("replace/one");
        driver.put(k, new ByteArrayInputStream(random(100_000, 1)));
        byte[] second = random(10, 2);
        driver.put(k, new ByteArrayInputStream(second));
        assertArrayEquals(second, read(k));
    }

    @Test
    void aFailedPutLeavesNothingTorn() throws Exception {
        StorageKey fresh = key("torn/fresh");
        StorageKey existing = key("torn/existing");
        byte[] old = random(5_000, 3);
        driver.put(existing, new ByteArrayInputStream(old));
        for (StorageKey k : List.of(fresh, existing)) {
            InputStream failing = new InputStream() {
                private int served;

                @Override
                public int read() throws IOException {
                    if (served++ > 70_000) {
                        throw new IOException("the client went away");
                    }
                    return 7;
                }
            };
            assertThrows(IOException.class, () -> driver.put(k, failing));
        }
        assertThrows(NoSuchObjectException.class, () -> driver.get(fresh), "no partial object appears");
        assertArrayEquals(old, read(existing), "the earlier object is still whole");
        assertEquals(List.of(existing), driver.list("torn"), "no temporary object is visible");
    }

    /**
     * Opens the driver under test in another process, for the crash test. An implementation has a
     * public no-argument constructor; {@link #open} gets the argument of
     * {@link StorageDriverContract#crashFactory()} and must reach the same store as
     * {@link StorageDriverContract#openDriver()}.
     */
    public interface CrashFactory {
        StorageDriver open(String argument) throws Exception;
    }

    /**
     * The factory class and its argument for the crash test, or null to skip it (the default).
     * The child process runs with this JVM's class path.
     */
    protected java.util.Map.Entry<Class<? extends CrashFactory>, String> crashFactory() {
        return null;
    }

    @Test
    void aProcessKilledDuringPutLeavesNoTornObject() throws Exception {
        java.util.Map.Entry<Class<? extends CrashFactory>, String> factory = crashFactory();
        org.junit.jupiter.api.Assumptions.assumeTrue(factory != null, "the driver's test names no CrashFactory");
        StorageKey existing = key("crash/existing");
        StorageKey fresh = key("crash/fresh");
        byte[] old = random(4_000, 11);
        driver.put(existing, new ByteArrayInputStream(old));
        for (StorageKey k : List.of(existing, fresh)) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrashingPut.class.getName(),
                    factory.getKey().getName(), factory.getValue(), k.value()).redirectErrorStream(true).start();
            try {
                java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                        java.nio.charset.StandardCharsets.US_ASCII));
                StringBuilder said = new StringBuilder();
                for (String line; (line = lines.readLine()) != null && !line.equals("HALF"); ) {
                    said.append(line).append('\n');
                }
                assertTrue(child.isAlive(), "the child reached the middle of its put:\n" + said);
            } finally {
                child.destroyForcibly(); // SIGKILL, half-way through the put
                child.waitFor();
            }
        }
        StorageDriver after = reopen(driver);
        try {
            assertThrows(NoSuchObjectException.class, () -> after.get(fresh), "no partial object appears");
            try (InputStream in = after.get(existing)) {
                assertArrayEquals(old, in.readAllBytes(), "the earlier object is still whole");
            }
            assertEquals(List.of(existing), after.list("crash"), "nothing half-written is listed");
            List<String> leftovers = after.incomplete("crash");
            for (String name : leftovers) {
                assertTrue(after.list("crash").stream().noneMatch(k -> k.value().equals(name)), "a leftover is never a key");
                after.deleteIncomplete(name);
            }
            assertEquals(List.of(), after.incomplete("crash"), "what the killed puts left is purged");
            assertEquals(List.of(), after.incomplete("elsewhere"), "a prefix lists only its own leftovers");
            try (InputStream in = after.get(existing)) {
                assertArrayEquals(old, in.readAllBytes(), "purging leftovers leaves the objects whole");
            }
        } finally {
            after.close();
        }
    }

    @Test
    void getOfAMissingKeyIsNoSuchObject() {
        assertThrows(NoSuchObjectException.class, () -> driver.get(key("missing/key")));
    }

    @Test
    void deleteIsIdempotent() throws Exception {
        StorageKey k = key("del/x");
        driver.put(k, new ByteArrayInputStream(random(1234, 4)));
        assertTrue(driver.delete(k));
        assertFalse(driver.delete(k));
        assertFalse(driver.delete(key("del/never")));
        assertThrows(NoSuchObjectException.class, () -> driver.get(k));
        assertEquals(List.of(), driver.list("del"));
    }

    @Test
    void listReturnsKeysUnderAPrefixSorted() throws Exception {
        for (String k : List.of("p1/b", "p1/a", "p1/c/d", "p10/a", "p2/a")) {
            driver.put(key(k), new ByteArrayInputStream(new byte[] {1}));
        }
        assertEquals(List.of(key("p1/a"), key("p1/b"), key("p1/c/d")), driver.list("p1"));
        assertEquals(List.of(key("p1/c/d")), driver.list("p1/c"));
        assertEquals(5, driver.list("").size());
        assertEquals(List.of(), driver.list("p3"));
    }

    @Test
    void objectsSurviveANewDriverInstance() throws Exception {
        StorageKey k = key("restart/x");
        byte[] content = random(70_000, 5);
        driver.put(k, new ByteArrayInputStream(content));
        StorageDriver second = reopen(driver);
        try (InputStream in = second.get(k)) {
            assertArrayEquals(content, in.readAllBytes());
            assertEquals(List.of(k), second.list("restart"));
        } finally {
            second.close();
        }
    }

    @Test
    void concurrentPutsOfDifferentKeysAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    driver.put(key("many/" + n), new ByteArrayInputStream(random(20_000, n)));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(16, driver.list("many").size());
        assertArrayEquals(random(20_000, 9), read(key("many/9")));
    }

    @Test
    void healthIsReported() {
        assertTrue(driver.health().healthy(), driver.health().detail());
        assertFalse(driver.health().detail().isBlank());
    }

    @Test
    void storageExceptionsAreIoExceptions() {
        assertTrue(IOException.class.isAssignableFrom(StorageException.class));
    }
}
