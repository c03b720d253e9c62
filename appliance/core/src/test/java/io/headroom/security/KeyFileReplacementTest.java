package io.headroom.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The old content of a replaced key file is overwritten where it lay. A hard link made beforehand
 * reaches the old file's blocks (its inode) after the rename, as a disk reader would.
 */
class KeyFileReplacementTest {

    @TempDir
    Path dir;

    @Test
    void theOldBlocksHoldZerosAndTheNewFileTheNewContent() throws Exception {
        Path file = dir.resolve("keys.json");
        byte[] secret = "{\"key\":\"c2VjcmV0LWtleS1tYXRlcmlhbC0xMjM0NTY3OA==\"}".repeat(300).getBytes(StandardCharsets.UTF_8);
        Files.write(file, secret);
        Path oldBlocks = dir.resolve("old-inode");
        Files.createLink(oldBlocks, file);

        KeyFileReplacement.replace(file, "{\"key\":\"new\"}".getBytes(StandardCharsets.UTF_8));

        assertEquals("{\"key\":\"new\"}", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(new byte[secret.length], Files.readAllBytes(oldBlocks), "the old content is overwritten with zeros, not left");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(2, left.count(), "no temporary file is left beside it");
        }
    }

    @Test
    void aFirstWriteNeedsNoOldFile() throws Exception {
        Path file = dir.resolve("fresh.json");
        KeyFileReplacement.replace(file, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
    }

    @Test
    void destroyOverwritesThenUnlinks() throws Exception {
        Path file = dir.resolve("seed");
        Files.write(file, new byte[] {9, 9, 9, 9});
        Path oldBlocks = dir.resolve("old-inode");
        Files.createLink(oldBlocks, file);

        KeyFileReplacement.destroy(file);

        assertFalse(Files.exists(file));
        assertArrayEquals(new byte[4], Files.readAllBytes(oldBlocks));
    }
}
