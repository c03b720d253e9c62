package io.headroom.plugin;

import io.headroom.plugin.api.ApiVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loading plugin jars one by one into a PF4J manager, the same way for the appliance and the
 * command-line tools: verified first, started unless the operator disabled them, stopped one by one.
 */
public final class PluginJars {

    /** A jar that loaded: its plugin id and what its descriptor says. */
    public record Loaded(String id, PluginVerifier.Descriptor descriptor) {
    }

    private PluginJars() {
    }

    /** The jars of a plugins folder, by name; none when the folder does not exist. */
    public static List<Path> in(Path folder) throws IOException {
        try (Stream<Path> files = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    /**
     * Verifies {@code jar}, loads it and starts it unless it is disabled ({@code disabled.txt},
     * {@code enabled.txt}). A jar that loads but does not start is unloaded again.
     *
     * @throws PluginVerifier.Rejected for any reason it is not loaded, with what its descriptor said
     */
    public static Loaded load(PluginManager manager, PluginVerifier verifier, Path jar) throws PluginVerifier.Rejected {
        PluginVerifier.Descriptor d = verifier.verify(jar);
        try {
            String id = manager.loadPlugin(jar);
            if (id == null) {
                throw new PluginVerifier.Rejected("PF4J did not accept it", d);
            }
            // Starting a disabled plugin would enable it (PF4J rewrites disabled.txt): leave it be.
            if (manager.getPlugin(id).getPluginState() != PluginState.DISABLED && manager.startPlugin(id) != PluginState.STARTED) {
                manager.unloadPlugin(id);
                throw new PluginVerifier.Rejected("it did not start (does it require a newer Headroom API than "
                        + ApiVersion.CURRENT.major() + "." + ApiVersion.CURRENT.minor() + "?)", d);
            }
            return new Loaded(id, d);
        } catch (RuntimeException e) {
            throw new PluginVerifier.Rejected(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), d);
        }
    }

    /**
     * Stops every started plugin, one at a time over a copy (PF4J's own stopPlugins trips over its
     * list when plugins were loaded singly), so one failing to stop does not keep the others running.
     *
     * @return the ids that failed to stop, with their exceptions, for the caller to report
     */
    public static List<RuntimeException> stopAll(PluginManager manager) {
        List<RuntimeException> failed = new ArrayList<>();
        for (PluginWrapper w : new ArrayList<>(manager.getStartedPlugins())) {
            try {
                manager.stopPlugin(w.getPluginId());
            } catch (RuntimeException e) {
                failed.add(new IllegalStateException("Plugin " + w.getPluginId() + " did not stop cleanly", e));
            }
        }
        return failed;
    }
}
