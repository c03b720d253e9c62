package io.headroom.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data and keys directories: created owner-only (0700), checked before use.
 *
 * <p>Keys must never sit inside the data directory: backups take the data directory, and
 * deletion holds for old backups only because the keys are not in them.
 */
public final class PrivateDirectories {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateDirectories() {
    }

    /**
     * Creates both directories if needed (0700), tightens their permissions, and proves each is
     * writable by writing and reading back a marker file, so a bad mount fails at start-up.
     *
     * @return the absolute, normalised data and keys directories
     * @throws IllegalStateException when the keys directory is inside the data directory or the
     *                               other way round, or a directory is not usable
     */
    public static Layout prepare(Path data, Path keys) {
        Path d = data.toAbsolutePath().normalize();
        Path k = keys.toAbsolutePath().normalize();
        if (k.startsWith(d) || d.startsWith(k)) {
            throw new IllegalStateException("The keys directory must not be inside the data directory (or the other way round): "
                    + "backups of the data directory must not carry the keys");
        }
        ensure(d, "data");
        ensure(k, "keys");
        return new Layout(d, k);
    }

    /** Absolute data and keys directories. */
    public record Layout(Path data, Path keys) {
    }

    private static void ensure(Path dir, String role) {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
            Path marker = dir.resolve(".headroom-" + role);
            byte[] probe = (role + " directory of a Headroom appliance\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Files.write(marker, probe);
            if (!java.util.Arrays.equals(probe, Files.readAllBytes(marker))) {
                throw new IllegalStateException("The " + role + " directory " + dir + " does not read back what was written");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The " + role + " directory " + dir + " cannot be created or written", e);
        }
    }
}
