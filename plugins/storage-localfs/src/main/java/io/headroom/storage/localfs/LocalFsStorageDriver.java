package io.headroom.storage.localfs;

import io.headroom.plugin.api.storage.NoSuchObjectException;
import io.headroom.plugin.api.storage.StorageContext;
import io.headroom.plugin.api.storage.StorageDriver;
import io.headroom.plugin.api.storage.StorageException;
import io.headroom.plugin.api.storage.StorageHealth;
import io.headroom.plugin.api.storage.StorageKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * Blobs as files under {@code <data>/blobs/}, one file per key (the key's segments are the path).
 *
 * <p>Writes go to a temporary file in the target directory, are fsynced, renamed over the target
 * and the directory is fsynced, so a crash leaves the old object or the new one. Deletes
 * overwrite the file's content before unlinking it. On flash and copy-on-write filesystems an
 * overwrite may not reach the old blocks; what makes deletion hold there is that blobs are
 * ciphertext whose key is destroyed first.
 */
@Extension
public class LocalFsStorageDriver implements StorageDriver {

    static final String ID = "localfs";
    private static final String TEMP_PREFIX = ".tmp-";
    private static final int BUFFER = 64 * 1024;
    /** A temporary file of a put, at any depth under the root; nothing else (no "..", no key). */
    private static final java.util.regex.Pattern LEFTOVER =
            java.util.regex.Pattern.compile("([a-z0-9_-]{1,64}/){0,8}\\.tmp-[0-9a-f]{1,64}");

    private final SecureRandom random = new SecureRandom();
    private Path root;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void open(StorageContext context) throws StorageException {
        Path configured = context.setting("root").map(Path::of).orElse(context.dataDirectory().resolve("blobs"));
        root = configured.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path probe = root.resolve(TEMP_PREFIX + "probe");
            Files.write(probe, new byte[] {1});
            Files.delete(probe);
        } catch (IOException e) {
            throw new StorageException("localfs: the blob directory " + root + " cannot be created or written", e);
        }
    }

    private Path pathOf(StorageKey key) {
        return root.resolve(key.value());
    }

    @Override
    public void put(StorageKey key, InputStream content) throws StorageException {
        Path target = pathOf(key);
        Path dir = target.getParent();
        Path temp = dir.resolve(TEMP_PREFIX + HexFormat.of().formatHex(randomBytes()));
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = content.read(buffer)) != -1; ) {
                    ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                }
                out.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new StorageException("localfs: the filesystem under " + root + " cannot rename atomically", e);
            }
            syncDirectory(dir);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw e instanceof StorageException se ? se : new StorageException("localfs: writing " + key + " failed", e);
        }
    }

    @Override
    public InputStream get(StorageKey key) throws StorageException {
        try {
            return Files.newInputStream(pathOf(key));
        } catch (NoSuchFileException e) {
            throw new NoSuchObjectException(key);
        } catch (IOException e) {
            throw new StorageException("localfs: reading " + key + " failed", e);
        }
    }

    @Override
    public boolean delete(StorageKey key) throws StorageException {
        try {
            return erase(pathOf(key));
        } catch (IOException e) {
            throw new StorageException("localfs: deleting " + key + " failed", e);
        }
    }

    @Override
    public List<StorageKey> list(String prefix) throws StorageException {
        // Only the prefix's own folder is walked: a session's purge need not read every other
        // session's files, nor trip over folders their purges are removing meanwhile.
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        Path start = trimmed.isEmpty() ? root : root.resolve(new StorageKey(trimmed).value());
        if (!Files.exists(start)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(start)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(TEMP_PREFIX))
                    .map(p -> root.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(k -> k.matches("[a-z0-9_/-]+"))
                    .map(StorageKey::new)
                    .filter(k -> k.hasPrefix(prefix))
                    .sorted(java.util.Comparator.comparing(StorageKey::value))
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of(); // the prefix's folder went (its last object deleted) since it was looked at
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new StorageException("localfs: listing failed", e);
        }
    }

    /** Temporary files of puts the process died in, as paths relative to the root. */
    @Override
    public List<String> incomplete(String prefix) throws StorageException {
        Path under = prefix.isEmpty() ? root : root.resolve(new StorageKey(prefix).value());
        if (!Files.isDirectory(under)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(under)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(n -> LEFTOVER.matcher(n).matches())
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new StorageException("localfs: listing leftovers failed", e);
        }
    }

    @Override
    public boolean deleteIncomplete(String name) throws StorageException {
        if (!LEFTOVER.matcher(name).matches()) {
            return false; // not a name incomplete() gives: nothing of ours
        }
        try {
            return erase(root.resolve(name));
        } catch (IOException e) {
            throw new StorageException("localfs: deleting a leftover failed", e);
        }
    }

    @Override
    public StorageHealth health() {
        try {
            if (root == null || !Files.isWritable(root)) {
                return StorageHealth.down("localfs: blob directory not writable");
            }
            long free = Files.getFileStore(root).getUsableSpace();
            return StorageHealth.up("localfs: " + (free >> 20) + " MiB free");
        } catch (IOException e) {
            return StorageHealth.down("localfs: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        // Nothing held open between calls.
    }

    /** Overwrites, unlinks and syncs a file, and removes the folders it leaves empty; whether there was one. */
    private boolean erase(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        overwrite(file);
        boolean deleted = Files.deleteIfExists(file);
        syncDirectory(file.getParent());
        pruneEmptyParents(file.getParent());
        return deleted;
    }

    /** Overwrites the file's bytes with zeros and forces them to the device before it is unlinked. */
    private static void overwrite(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(BUFFER, Math.max(size, 1)));
            for (long pos = 0; pos < size; ) {
                zeros.clear();
                zeros.limit((int) Math.min(zeros.capacity(), size - pos));
                pos += ch.write(zeros, pos);
            }
            ch.force(true);
        }
    }

    private void pruneEmptyParents(Path dir) throws IOException {
        for (Path d = dir; d != null && !d.equals(root) && d.startsWith(root); d = d.getParent()) {
            try {
                Files.delete(d);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            }
        }
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // The put already failed; a leftover is ignored by list, never read, and purged with its prefix.
        }
    }

    private byte[] randomBytes() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return b;
    }
}
