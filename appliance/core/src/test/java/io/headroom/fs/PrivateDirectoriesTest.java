package io.headroom.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDirectoriesTest {

    @TempDir
    Path root;

    @Test
    void createsBothOwnerOnly() throws Exception {
        PrivateDirectories.Layout layout = PrivateDirectories.prepare(root.resolve("a/data"), root.resolve("b/keys"));
        assertTrue(layout.data().isAbsolute());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(layout.data())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(layout.keys())));
    }

    @Test
    void tightensExistingLooseDirectory() throws Exception {
        Path data = Files.createDirectory(root.resolve("data"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        PrivateDirectories.prepare(data, root.resolve("keys"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    }

    @Test
    void refusesKeysInsideData() {
        assertThrows(IllegalStateException.class, () -> PrivateDirectories.prepare(root.resolve("data"), root.resolve("data/keys")));
        assertThrows(IllegalStateException.class, () -> PrivateDirectories.prepare(root.resolve("data/../data"), root.resolve("data/./keys")));
        assertThrows(IllegalStateException.class, () -> PrivateDirectories.prepare(root.resolve("keys/data"), root.resolve("keys")));
    }

    @Test
    void siblingWithCommonPrefixIsFine() {
        PrivateDirectories.prepare(root.resolve("data"), root.resolve("data-keys"));
    }
}
