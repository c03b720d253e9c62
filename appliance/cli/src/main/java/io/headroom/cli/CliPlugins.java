package io.headroom.cli;

import io.headroom.config.ConfigKeys;
import io.headroom.plugin.PluginVerifier;
import io.headroom.plugin.VerifyingPluginManager;
import io.headroom.plugin.api.storage.StorageDriver;
import io.headroom.storage.DriverChoice;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The installation's plugins for a command-line tool, verified and loaded by the same manager as
 * the appliance's ({@link VerifyingPluginManager}): signatures or pins required unless the
 * configuration turns that off, verified copies in a private temporary folder removed at close.
 * Close it to stop and unload them.
 */
final class CliPlugins implements AutoCloseable {

    private final VerifyingPluginManager manager;
    private final Path staging;

    private CliPlugins(VerifyingPluginManager manager, Path staging) {
        this.manager = manager;
        this.staging = staging;
    }

    /** The verifier the configuration asks for, as the appliance builds it. */
    static PluginVerifier verifier(Map<String, String> configuration) {
        return PluginVerifier.of(CliConfiguration.get(configuration, ConfigKeys.PLUGINS_REQUIRE_SIGNATURE), trustFolder(configuration));
    }

    /** The trust folder: bin/headroom names the installation's, as it does for the appliance; else the configuration's. */
    static Path trustFolder(Map<String, String> configuration) {
        return Optional.ofNullable(System.getProperty(ConfigKeys.PLUGINS_TRUSTED_KEYS.key())).map(Path::of)
                .orElseGet(() -> CliConfiguration.get(configuration, ConfigKeys.PLUGINS_TRUSTED_KEYS));
    }

    static CliPlugins load(Path folder, Map<String, String> configuration, PrintStream out) {
        PluginVerifier verifier = verifier(configuration);
        Path staging;
        try {
            staging = Files.createTempDirectory("headroom-plugins-");
        } catch (IOException e) {
            throw new CliException("Cannot make a private folder for the verified plugins");
        }
        VerifyingPluginManager m = new VerifyingPluginManager(folder, staging, verifier);
        m.loadPlugins();
        m.refusals().forEach(r -> out.println("Skipped plugin " + r.jar() + ": " + r.reason()));
        return new CliPlugins(m, staging);
    }

    /** Every extension of {@code type} from the started plugins whose kind allows it, plugin by plugin. */
    <T> List<T> extensions(Class<T> type) {
        return manager.getExtensions(type);
    }

    /** The storage driver {@code id}, refused when two plugins offer drivers under one id. */
    StorageDriver storageDriver(String id) {
        List<DriverChoice.Offered> offered = manager.getStartedPlugins().stream()
                .flatMap(p -> manager.getExtensions(StorageDriver.class, p.getPluginId()).stream()
                        .map(d -> new DriverChoice.Offered(p.getPluginId(), d)))
                .toList();
        try {
            return DriverChoice.choose(offered, id, manager.refusals().stream().map(r -> "Plugin " + r.jar() + " was not loaded: " + r.reason()).toList())
                    .driver();
        } catch (IllegalStateException e) {
            throw new CliException(e.getMessage());
        }
    }

    @Override
    public void close() {
        // At exit: a plugin that does not stop cleanly keeps nobody else from stopping.
        manager.close();
        try {
            Files.deleteIfExists(staging);
        } catch (IOException ignored) {
            // A temporary folder of verified public jars; nothing secret is left behind.
        }
    }
}
