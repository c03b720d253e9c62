package io.headroom.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file that holds key material so that the old content is overwritten where it lay,
 * not merely unlinked, and so that a crash at any moment leaves either the old file or the new
 * one whole:
 * <ol>
 *   <li>the new content goes into a temporary file beside it (owner-only) and is synced;</li>
 *   <li>the old file is opened, so its blocks stay reachable after the rename;</li>
 *   <li>the new file is renamed over the old one and the directory synced (the switch survives a
 *       crash);</li>
 *   <li>the old file's bytes are overwritten with zeros through the open handle and synced.</li>
 * </ol>
 * A crash between 3 and 4 leaves the old blocks unoverwritten in free space, which is why what they
 * held must not be enough on its own (epoch keys are wrapped by a key-encryption key that rotates).
 * Overwriting reaches the blocks on ext4 and XFS on a disk or a plain volume; it does not on
 * copy-on-write filesystems (btrfs, ZFS) or past an SSD's flash translation layer: see
 * {@code docs/security.md}.
 */
public final class KeyFileReplacement {

    private KeyFileReplacement() {
    }

    /** Writes {@code content} as {@code file}; the previous content is overwritten where it lay. */
    public static void replace(Path file, byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(directory, ".new-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                write(ch, ByteBuffer.wrap(content));
                ch.force(true);
            }
            FileChannel old = openOld(file);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                    dir.force(true);
                }
                if (old != null) {
                    overwrite(old);
                }
            } finally {
                if (old != null) {
                    old.close();
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Overwrites a key file in place with zeros, syncs it and deletes it. */
    public static void destroy(Path file) throws IOException {
        FileChannel old = openOld(file);
        if (old == null) {
            return;
        }
        try (old) {
            overwrite(old);
            Files.delete(file);
            try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            }
        }
    }

    private static FileChannel openOld(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void overwrite(FileChannel old) throws IOException {
        long size = old.size();
        ByteBuffer zeros = ByteBuffer.allocate(8192);
        for (long at = 0; at < size; at += zeros.capacity()) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), size - at));
            while (zeros.hasRemaining()) {
                old.write(zeros, at + zeros.position());
            }
        }
        old.force(true);
    }

    private static void write(FileChannel ch, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            ch.write(buffer);
        }
    }
}
