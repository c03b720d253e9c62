package io.headroom.server.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sealed storage has one door: only the vault package touches the storage driver's facade (start-up
 * opens it, health asks how it is). Everything else stores, reads and deletes a session's objects
 * through {@link SealedBlobs}, which records each object's deadline with it.
 */
class OneDoorToStorageTest {

    private static final Set<String> ALLOWED = Set.of("vault", "storage", "startup", "health");

    @Test
    void onlyTheVaultReachesTheStorageDriver() throws IOException {
        Path server = Path.of("src/main/java/io/headroom/server");
        try (Stream<Path> files = Files.walk(server)) {
            List<Path> sources = files.filter(f -> f.toString().endsWith(".java")).toList();
            List<String> users = sources.stream().filter(f -> read(f).contains("BlobStore")).map(f -> server.relativize(f).toString()).toList();
            List<String> outside = users.stream().filter(f -> !ALLOWED.contains(Path.of(f).getName(0).toString())).sorted().toList();
            assertEquals(List.of(), outside, "the storage driver reached around SealedBlobs");
            assertEquals(true, users.contains("vault/VaultSealedBlobs.java"), "the scan sees the door itself: " + users);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
