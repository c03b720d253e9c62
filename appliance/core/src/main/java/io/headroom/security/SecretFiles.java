package io.headroom.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * Secrets generated on first start into the keys directory: random bytes in a file that only
 * the owner can read (0600), written completely or not at all.
 *
 * <p>Nothing here is a constant compiled into the product: an installation that nobody
 * configured still gets secrets of its own.
 */
public final class SecretFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final Path keysDirectory;
    private final SecureRandom random;

    public SecretFiles(Path keysDirectory, SecureRandom random) {
        this.keysDirectory = keysDirectory;
        this.random = random;
    }

    public SecretFiles(Path keysDirectory) {
        this(keysDirectory, new SecureRandom());
    }

    /**
     * Reads the secret {@code name}, generating {@code length} random bytes into it first if it
     * does not exist yet. Safe when two processes race: both end up with the same secret.
     *
     * @throws IllegalStateException when an existing secret is shorter than {@code length}
     */
    public byte[] loadOrCreate(String name, int length) {
        Path file = keysDirectory.resolve(name);
        try {
            if (!Files.exists(file)) {
                create(file, length);
            }
            byte[] secret = Files.readAllBytes(file);
            if (secret.length < length) {
                throw new IllegalStateException("The secret file " + name + " in the keys directory is damaged (too short)");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret " + name + " in the keys directory", e);
        }
    }

    private void create(Path file, int length) throws IOException {
        byte[] secret = new byte[length];
        random.nextBytes(secret);
        Path temp = Files.createTempFile(keysDirectory, ".new-", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(secret));
                ch.force(true);
            }
            // A hard link appears whole and, unlike rename, never replaces a secret that
            // another process created meanwhile.
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            // Another process created it first; use theirs.
        } finally {
            java.util.Arrays.fill(secret, (byte) 0);
            Files.deleteIfExists(temp);
        }
    }
}
