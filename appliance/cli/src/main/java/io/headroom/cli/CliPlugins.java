package io.headroom.cli;

import io.headroom.plugin.PluginJars;
import io.headroom.plugin.PluginVerifier;
import java.io.IOException;
import java.io.PrintStream;
import io.headroom.config.ConfigKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.DefaultPluginManager;

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
        PluginVerifier verifier = PluginVerifier.of(CliConfiguration.get(configuration, ConfigKeys.PLUGINS_REQUIRE_SIGNATURE),
                CliConfiguration.get(configuration, ConfigKeys.PLUGINS_TRUSTED_KEYS));
        DefaultPluginManager m = new DefaultPluginManager(folder);
        List<Path> jars;
        try {
            jars = PluginJars.in(folder);
        } catch (IOException e) {
            throw new CliException("Cannot read the plugins folder " + folder);
        }
        for (Path jar : jars) {
            try {
                PluginJars.load(m, verifier, jar);
            } catch (PluginVerifier.Rejected e) {
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
        // At exit: a plugin that does not stop cleanly keeps nobody else from stopping.
        PluginJars.stopAll(manager);
        manager.unloadPlugins();
    }
}
