package io.headroom.cli;

import io.headroom.plugin.api.storage.StorageContext;
import io.headroom.plugin.api.storage.StorageDriver;
import io.headroom.plugin.api.storage.StorageException;
import io.headroom.plugin.api.storage.StorageKey;
import io.headroom.storage.DriverRecord;
import io.headroom.storage.StorageSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code headroom storage migrate --to ID [--delete-source]}: moves every sealed blob of a stopped
 * appliance from the storage driver it was kept by to another, then records the new driver, so
 * the next start with {@code headroom.storage.driver=ID} finds everything. Blobs are copied as they
 * are (ciphertext under the same keys); nothing is decrypted.
 */
final class StorageCommand {

    static final String USAGE = "usage: headroom storage migrate --to DRIVER [--delete-source] [--data DIR]";

    private final PrintStream out;
    private final Path pluginsFolder;
    private final Map<String, String> configuration;

    /**
     * @param configuration the appliance's settings: the configuration file's keys, with the
     *                      environment's {@code HEADROOM_*} variables over them
     */
    StorageCommand(PrintStream out, Path pluginsFolder, Map<String, String> configuration) {
        this.out = out;
        this.pluginsFolder = pluginsFolder;
        this.configuration = configuration;
    }

    int run(List<String> args, Path data) {
        if (args.isEmpty() || !args.get(0).equals("migrate")) {
            throw new CliException(USAGE);
        }
        String to = null;
        boolean deleteSource = false;
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--to" -> {
                    if (i + 1 >= args.size()) {
                        throw new CliException(USAGE);
                    }
                    to = args.get(++i);
                }
                case "--delete-source" -> deleteSource = true;
                default -> throw new CliException("unknown option '" + args.get(i) + "'\n" + USAGE);
            }
        }
        if (to == null || !to.matches("[a-z0-9-]{1,32}")) {
            throw new CliException(USAGE);
        }
        if (!Files.isDirectory(data)) {
            throw new CliException("There is no data directory at " + data);
        }
        // Holding the database keeps the appliance from starting while blobs move.
        try (Connection held = ApplianceDatabase.open(data).getConnection()) {
            String from;
            try {
                from = Optional.ofNullable(DriverRecord.read(data)).orElse("localfs");
            } catch (IOException e) {
                throw new CliException("Cannot read the storage driver record in " + data);
            }
            if (from.equals(to)) {
                out.println("The data is kept by '" + to + "' already: nothing to move.");
                return 0;
            }
            return migrate(data, from, to, deleteSource);
        } catch (SQLException e) {
            throw new CliException("Cannot open the database in " + data + ": " + e.getMessage());
        }
    }

    private int migrate(Path data, String from, String to, boolean deleteSource) {
        CliPlugins plugins = CliPlugins.load(pluginsFolder, configuration, out);
        try {
            StorageDriver source = open(plugins, from, data);
            try {
                StorageDriver target = open(plugins, to, data);
                try {
                    List<StorageKey> keys = source.list("");
                    long bytes = 0;
                    for (StorageKey key : keys) {
                        try (InputStream in = source.get(key)) {
                            byte[] blob = in.readAllBytes();
                            target.put(key, new java.io.ByteArrayInputStream(blob));
                            bytes += blob.length;
                        }
                    }
                    Set<StorageKey> landed = new LinkedHashSet<>(target.list(""));
                    if (!landed.containsAll(keys)) {
                        throw new CliException("Some blobs did not arrive in '" + to + "'; nothing was recorded, the data stays with '"
                                + from + "'. Run the command again.");
                    }
                    DriverRecord.write(data, to);
                    out.println("Moved " + keys.size() + " blobs (" + bytes + " bytes) from '" + from + "' to '" + to + "'.");
                    if (deleteSource) {
                        for (StorageKey key : keys) {
                            source.delete(key);
                        }
                        out.println("Deleted them from '" + from + "'.");
                    } else {
                        out.println("The copies in '" + from + "' remain (sealed; their keys are destroyed on schedule). "
                                + "Run again with --delete-source to remove them too.");
                    }
                    out.println("Now set headroom.storage.driver=" + to + " and start the appliance.");
                    return 0;
                } finally {
                    target.close();
                }
            } finally {
                source.close();
            }
        } catch (StorageException e) {
            throw new CliException("Moving the blobs failed: " + e.getMessage() + ". Nothing was recorded; the data stays with '" + from + "'.");
        } catch (IOException e) {
            throw new CliException("Moving the blobs failed: " + e.getMessage());
        } finally {
            plugins.close();
        }
    }

    private StorageDriver open(CliPlugins plugins, String id, Path data) throws StorageException {
        StorageDriver driver = plugins.storageDriver(id);
        Map<String, String> settings = StorageSettings.collect(id, configuration.keySet(), n -> Optional.ofNullable(configuration.get(n)));
        driver.open(new StorageContext(data, settings));
        return driver;
    }
}
