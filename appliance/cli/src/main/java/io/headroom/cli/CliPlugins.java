package io.headroom.cli;

import io.headroom.plugin.PluginVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginState;

/**
 * The installation's plugins for a command-line tool, checked as the appliance checks them
 * (descriptor, and signatures when {@code headroom.plugins.require-signature} is on). Close it to
 * stop and unload them.
 */
final class CliPlugins implements AutoCloseable {

    private final DefaultPluginManager manager;

    private CliPlugins(DefaultPluginManager manager) {
        this.manager = manager;
    }

    static CliPlugins load(Path folder, Map<String, String> configuration, PrintStream out) {
        PluginVerifier verifier = Boolean.parseBoolean(configuration.getOrDefault("headroom.plugins.require-signature", "false"))
                ? PluginVerifier.signaturesRequired(Path.of(configuration.getOrDefault("headroom.plugins.trusted-keys", "config/plugin-keys")))
                : PluginVerifier.descriptorsOnly();
        DefaultPluginManager m = new DefaultPluginManager(folder);
        List<Path> jars;
        try (Stream<Path> files = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new CliException("Cannot read the plugins folder " + folder);
        }
        for (Path jar : jars) {
            try {
                verifier.verify(jar);
                String id = m.loadPlugin(jar);
                // Starting a disabled plugin would enable it (PF4J rewrites disabled.txt): leave it be.
                if (m.getPlugin(id).getPluginState() != PluginState.DISABLED) {
                    m.startPlugin(id);
                }
            } catch (PluginVerifier.Rejected | RuntimeException e) {
                out.println("Skipped plugin " + jar.getFileName() + ": " + e.getMessage());
            }
        }
        return new CliPlugins(m);
    }

    /** Every extension of {@code type} from the started plugins, plugin by plugin. */
    <T> List<T> extensions(Class<T> type) {
        List<T> found = new ArrayList<>();
        manager.getStartedPlugins().forEach(p -> found.addAll(manager.getExtensions(type, p.getPluginId())));
        return found;
    }

    @Override
    public void close() {
        // One by one over a copy: PF4J's stopPlugins() trips over its own list with plugins loaded singly.
        for (org.pf4j.PluginWrapper p : new ArrayList<>(manager.getStartedPlugins())) {
            try {
                manager.stopPlugin(p.getPluginId());
            } catch (RuntimeException e) {
                // Stopping at exit: the others must still stop.
            }
        }
        manager.unloadPlugins();
    }
}
