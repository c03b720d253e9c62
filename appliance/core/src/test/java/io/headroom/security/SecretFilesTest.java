package io.headroom.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

    @TempDir
    Path keys;

    @Test
    void generatesOwnerOnlySecretOnFirstUseAndKeepsIt() throws Exception {
        SecretFiles files = new SecretFiles(keys);
        byte[] first = files.loadOrCreate("k", 32);
        assertEquals(32, first.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("k"))));
        assertArrayEquals(first, new SecretFiles(keys).loadOrCreate("k", 32), "the same secret after a restart");
        try (var listing = Files.list(keys)) {
            assertEquals(List.of(keys.resolve("k")), listing.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void twoInstallationsGetDifferentSecrets(@TempDir Path other) {
        assertFalse(java.util.Arrays.equals(new SecretFiles(keys).loadOrCreate("k", 32),
                new SecretFiles(other).loadOrCreate("k", 32)));
    }

    @Test
    void racingCreatorsAgreeOnOneSecret() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> new SecretFiles(keys).loadOrCreate("race", 32)));
            }
            byte[] expected = results.get(0).get();
            for (Future<byte[]> f : results) {
                assertArrayEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesTruncatedSecret() throws Exception {
        Files.write(keys.resolve("short"), new byte[5]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SecretFiles(keys).loadOrCreate("short", 32));
        assertFalse(e.getMessage().contains("\0"));
    }
}
