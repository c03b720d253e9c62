package io.headroom.storage.localfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.plugin.api.storage.StorageContext;
import io.headroom.plugin.api.storage.StorageDriver;
import io.headroom.plugin.api.storage.StorageKey;
import io.headroom.plugin.api.storage.testkit.StorageDriverContract;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract kit, plus what is particular to files on disk. */
class LocalFsStorageDriverTest extends StorageDriverContract {

    @TempDir
    Path data;

    /** Opens the driver on a data directory in the crash test's child process. */
    public static final class Crash implements CrashFactory {
        @Override
        public StorageDriver open(String data) throws Exception {
            LocalFsStorageDriver d = new LocalFsStorageDriver();
            d.open(new StorageContext(Path.of(data), Map.of()));
            return d;
        }
    }

    @Override
    protected Map.Entry<Class<? extends CrashFactory>, String> crashFactory() {
        return Map.entry(Crash.class, data.toString());
    }

    @Override
    protected StorageDriver openDriver() throws Exception {
        LocalFsStorageDriver d = new LocalFsStorageDriver();
        d.open(new StorageContext(data, Map.of()));
        return d;
    }

    @Test
    void blobsLiveOwnerOnlyUnderTheDataDirectory() throws Exception {
        StorageDriver d = openDriver();
        d.put(new StorageKey("ab/cd"), new ByteArrayInputStream(new byte[] {1, 2, 3}));
        Path file = data.resolve("blobs/ab/cd");
        assertTrue(Files.isRegularFile(file));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("blobs/ab"))));
    }

    @Test
    void deleteRemovesEmptyDirectoriesToo() throws Exception {
        StorageDriver d = openDriver();
        d.put(new StorageKey("gone/x"), new ByteArrayInputStream(new byte[] {1}));
        d.delete(new StorageKey("gone/x"));
        assertTrue(Files.notExists(data.resolve("blobs/gone")));
    }

    @Test
    void deleteOverwritesBeforeUnlinking() throws Exception {
        // A hard link keeps the inode reachable after unlink, so we can see what delete left in it.
        StorageDriver d = openDriver();
        d.put(new StorageKey("ow/x"), new ByteArrayInputStream(new byte[] {9, 9, 9, 9}));
        Path witness = data.resolve("witness");
        Files.createLink(witness, data.resolve("blobs/ow/x"));
        d.delete(new StorageKey("ow/x"));
        assertEquals(0, Files.readAllBytes(witness)[0] + Files.readAllBytes(witness)[3]);
    }

    @Test
    void temporaryFilesOfKilledPutsAreNamedUnderTheirPrefixAndPurged() throws Exception {
        StorageDriver d = openDriver();
        d.put(new StorageKey("sess/kept"), new ByteArrayInputStream(new byte[] {1}));
        Files.write(data.resolve("blobs/sess/.tmp-0a1b2c3d4e5f6071"), new byte[] {7, 7});
        Files.createDirectories(data.resolve("blobs/other"));
        Files.write(data.resolve("blobs/other/.tmp-00ff"), new byte[] {7});

        assertEquals(java.util.List.of("sess/.tmp-0a1b2c3d4e5f6071"), d.incomplete("sess"));
        assertEquals(java.util.List.of(new StorageKey("sess/kept")), d.list("sess"), "leftovers are never keys");
        assertTrue(d.deleteIncomplete("sess/.tmp-0a1b2c3d4e5f6071"));
        assertEquals(java.util.List.of(), d.incomplete("sess"));
        assertEquals(java.util.List.of("other/.tmp-00ff"), d.incomplete(""));
        org.junit.jupiter.api.Assertions.assertFalse(d.deleteIncomplete("../witness"), "only names of its own leftovers");
        org.junit.jupiter.api.Assertions.assertFalse(d.deleteIncomplete("sess/kept"), "never a key");
        assertTrue(Files.isRegularFile(data.resolve("blobs/sess/kept")));
    }
}
