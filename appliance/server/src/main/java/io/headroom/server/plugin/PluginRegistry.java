package io.headroom.server.plugin;

import io.headroom.plugin.api.ApiVersion;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * Owns the one PF4J {@link PluginManager} of the appliance and hands out extensions. Plugins are
 * loaded one by one from the plugins folder, so one broken jar is reported and skipped while the
 * others load.
 */
@ApplicationScoped
public class PluginRegistry {

    private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

    private PluginManager manager;
    private final List<String> failures = new ArrayList<>();

    /** Loads and starts every plugin jar in {@code folder}; called once at start-up. */
    public synchronized void start(Path folder) {
        if (manager != null) {
            return;
        }
        DefaultPluginManager m = new DefaultPluginManager(folder);
        m.setSystemVersion(ApiVersion.CURRENT.major() + "." + ApiVersion.CURRENT.minor() + ".0");
        List<Path> jars;
        try (Stream<Path> files = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("The plugins folder " + folder + " cannot be read", e);
        }
        for (Path jar : jars) {
            try {
                String id = m.loadPlugin(jar);
                if (m.startPlugin(id) != org.pf4j.PluginState.STARTED) {
                    throw new IllegalStateException("it did not start");
                }
            } catch (RuntimeException e) {
                String message = "Plugin " + jar.getFileName() + " was not loaded: " + e.getMessage();
                failures.add(message);
                LOG.log(Level.WARNING, message);
            }
        }
        manager = m;
        LOG.info(() -> "Plugins loaded from " + folder + ": " + describe());
    }

    /**
     * Every extension of {@code type} from the started plugins, plugin by plugin. Only plugins
     * count: PF4J would also offer extensions found on the application's own class path.
     */
    public synchronized <T> List<T> extensions(Class<T> type) {
        if (manager == null) {
            throw new IllegalStateException("plugins are not loaded yet");
        }
        List<T> found = new ArrayList<>();
        for (PluginWrapper plugin : manager.getStartedPlugins()) {
            try {
                found.addAll(manager.getExtensions(type, plugin.getPluginId()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Plugin " + plugin.getPluginId() + " failed to provide its extensions", e);
            }
        }
        return found;
    }

    /** Plugins that failed to load, for the operator. */
    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    /** The started plugins, "id version" each; "none" when there are none. */
    public synchronized String describe() {
        List<String> started = new ArrayList<>();
        for (PluginWrapper w : manager.getStartedPlugins()) {
            started.add(w.getPluginId() + " " + w.getDescriptor().getVersion());
        }
        return started.isEmpty() ? "none" : String.join(", ", started);
    }

    @PreDestroy
    synchronized void stop() {
        if (manager != null) {
            // One at a time, so one plugin failing to stop does not keep the others running.
            for (PluginWrapper w : new ArrayList<>(manager.getStartedPlugins())) {
                try {
                    manager.stopPlugin(w.getPluginId());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Plugin " + w.getPluginId() + " did not stop cleanly", e);
                }
            }
            manager.unloadPlugins();
        }
    }
}
