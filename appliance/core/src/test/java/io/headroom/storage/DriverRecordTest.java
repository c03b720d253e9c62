package io.headroom.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverRecordTest {

    @TempDir
    Path data;

    @Test
    void theFirstDriverIsRecordedAndKeepsOpening() throws Exception {
        assertNull(DriverRecord.read(data));
        DriverRecord.claim(data, "s3");
        assertEquals("s3", DriverRecord.read(data));
        DriverRecord.claim(data, "s3");
    }

    @Test
    void anotherDriverOnRecordedDataIsRefusedWithTheWayOut() throws Exception {
        DriverRecord.claim(data, "localfs");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DriverRecord.claim(data, "s3"));
        assertTrue(e.getMessage().contains("'localfs'") && e.getMessage().contains("headroom storage migrate --to s3"), e.getMessage());
        assertEquals("localfs", DriverRecord.read(data), "the record is left as it was");
    }

    @Test
    void anInstallationFromBeforeTheRecordWithLocalBlobsIsLocalfs() throws Exception {
        Files.createDirectories(data.resolve("blobs/ab"));
        Files.write(data.resolve("blobs/ab/cd"), new byte[] {1});
        assertThrows(IllegalStateException.class, () -> DriverRecord.claim(data, "s3"));
        DriverRecord.claim(data, "localfs");
        assertEquals("localfs", DriverRecord.read(data));
    }
}
