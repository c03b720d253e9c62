package io.headroom.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Which storage driver keeps this installation's blobs, written in the data directory
 * ({@code storage-driver}) the first time a driver opens. Configuring another driver on an
 * installation with data would lose every stored photo: that start is refused, and
 * {@code headroom storage migrate} moves the data and the record together.
 */
public final class DriverRecord {

    static final String FILE = "storage-driver";

    private DriverRecord() {
    }

    /** The recorded driver, or null on an installation that has none yet. */
    public static String read(Path data) throws IOException {
        Path file = data.resolve(FILE);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII).trim() : null;
    }

    /** Records {@code driverId}, atomically. */
    public static void write(Path data, String driverId) throws IOException {
        Path temp = data.resolve(FILE + ".tmp");
        Files.writeString(temp, driverId + "\n", StandardCharsets.US_ASCII);
        Files.move(temp, data.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Checks that {@code configured} may open this installation's data, and records it if nothing
     * is recorded yet. Installations from before the record kept their blobs with {@code localfs}
     * under {@code blobs/}.
     *
     * @throws IllegalStateException with a message for the operator when it may not
     */
    public static void claim(Path data, String configured) throws IOException {
        String recorded = read(data);
        if (recorded == null && !configured.equals("localfs") && hasLocalBlobs(data)) {
            recorded = "localfs";
        }
        if (recorded != null && !recorded.equals(configured)) {
            throw new IllegalStateException("This installation's photos are kept by the storage driver '" + recorded
                    + "', but headroom.storage.driver is '" + configured + "'. Starting would lose them. Set it back to '"
                    + recorded + "', or move the data first with: headroom storage migrate --to " + configured
                    + " (see docs/plugins/storage-drivers.md).");
        }
        if (recorded == null) {
            write(data, configured);
        }
    }

    private static boolean hasLocalBlobs(Path data) throws IOException {
        Path blobs = data.resolve("blobs");
        if (!Files.isDirectory(blobs)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.anyMatch(Files::isRegularFile);
        }
    }
}
