package io.headroom.server.plugin;

import io.headroom.plugin.PluginJars;
import io.headroom.plugin.PluginVerifier;
import io.headroom.plugin.api.ApiVersion;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginWrapper;

/**
 * Owns the one PF4J plugin manager of the appliance and hands out extensions. Jars are verified
 * ({@link PluginVerifier}) and loaded one by one from the plugins folder, so one broken jar is
 * reported once, marked failed, and skipped while the others load. The folder's
 * {@code enabled.txt} / {@code disabled.txt} (PF4J's) decide which plugins start.
 *
 * <p>{@link #reload()} picks up jars added to or removed from the folder while the appliance
 * runs. A plugin in use by a running job ({@link #lease}) is unloaded only when the job lets go.
 * The plugins in {@link #pin pinned} use (the open storage driver) are never unloaded at run time.
 */
@ApplicationScoped
public class PluginRegistry {

    private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

    /** A plugin as the operator sees it. {@code state} is started, disabled, failed or unloading. */
    public record PluginInfo(String id, String version, String provider, String licence, String state, String jar, String problem) {
    }

    /** An extension and the plugin it came from. */
    public record Contribution<T>(String pluginId, String pluginVersion, T extension) {
    }

    /** What a reload changed. */
    public record ReloadResult(List<String> loaded, List<String> unloaded, List<String> deferred, List<String> failed) {
    }

    /** A running job's hold on a plugin; closing it lets a pending unload happen. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    private record Jar(String pluginId, FileTime modified, long size) {
    }

    private DefaultPluginManager manager;
    private Path folder;
    private PluginVerifier verifier = PluginVerifier.descriptorsOnly();
    private final Map<Path, Jar> jars = new HashMap<>();
    private final Map<String, PluginInfo> failures = new LinkedHashMap<>();
    private final Map<String, Integer> leases = new HashMap<>();
    private final Set<String> unloadPending = new HashSet<>();
    private final Set<String> pinned = new HashSet<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    /** Loads and starts every plugin jar in {@code folder}, checking descriptors only. */
    public void start(Path folder) {
        start(folder, PluginVerifier.descriptorsOnly());
    }

    /** Loads and starts every plugin jar in {@code folder} that {@code verifier} accepts; called once at start-up. */
    public synchronized void start(Path folder, PluginVerifier verifier) {
        if (manager != null) {
            return;
        }
        this.folder = folder;
        this.verifier = verifier;
        DefaultPluginManager m = new DefaultPluginManager(folder);
        m.setSystemVersion(ApiVersion.CURRENT.major() + "." + ApiVersion.CURRENT.minor() + ".0");
        manager = m;
        for (Path jar : jarsInFolder()) {
            load(jar);
        }
        LOG.info(() -> "Plugins loaded from " + folder + ": " + describe());
    }

    private List<Path> jarsInFolder() {
        try {
            return PluginJars.in(folder);
        } catch (IOException e) {
            throw new IllegalStateException("The plugins folder " + folder + " cannot be read", e);
        }
    }

    /** Verifies, loads and (unless disabled) starts one jar; a failure is recorded, never thrown. */
    private String load(Path jar) {
        String name = jar.getFileName().toString();
        failures.remove(name);
        try {
            String id = PluginJars.load(manager, verifier, jar).id();
            jars.put(jar, stamp(jar, id));
            return id;
        } catch (PluginVerifier.Rejected e) {
            PluginVerifier.Descriptor d = e.descriptor();
            failures.put(name, new PluginInfo(d == null ? null : d.id(), d == null ? null : d.version(), d == null ? null : d.provider(),
                    d == null ? null : d.licence(), "failed", name, e.getMessage()));
            LOG.log(Level.WARNING, "Plugin " + (d == null ? name : d.id() + " (" + name + ")") + " was not loaded: " + e.getMessage());
            return null;
        }
    }

    private static Jar stamp(Path jar, String id) {
        try {
            return new Jar(id, Files.getLastModifiedTime(jar), Files.size(jar));
        } catch (IOException e) {
            return new Jar(id, FileTime.fromMillis(0), -1);
        }
    }

    /**
     * Looks at the plugins folder again: jars that are new (or replaced) load, jars that are gone
     * unload, except while a job holds them (they follow when it lets go) or when pinned.
     */
    public ReloadResult reload() {
        ReloadResult result;
        synchronized (this) {
            requireStarted();
            List<String> loaded = new ArrayList<>();
            List<String> unloaded = new ArrayList<>();
            List<String> deferred = new ArrayList<>();
            List<Path> present = jarsInFolder();
            failures.keySet().removeIf(name -> present.stream().noneMatch(p -> p.getFileName().toString().equals(name)));
            for (Map.Entry<Path, Jar> e : new ArrayList<>(jars.entrySet())) {
                Path jar = e.getKey();
                boolean gone = !present.contains(jar) || !stamp(jar, e.getValue().pluginId()).equals(e.getValue());
                if (!gone) {
                    continue;
                }
                String id = e.getValue().pluginId();
                if (pinned.contains(id)) {
                    LOG.warning(() -> "Plugin " + id + " changed on disk but is in use by the storage driver: restart to pick up the change");
                } else if (leases.getOrDefault(id, 0) > 0) {
                    unloadPending.add(id);
                    deferred.add(id);
                } else {
                    unload(id);
                    unloaded.add(id);
                }
            }
            Set<Path> known = jars.keySet();
            for (Path jar : present) {
                if (!known.contains(jar)) {
                    String id = load(jar);
                    if (id != null) {
                        loaded.add(id);
                    }
                }
            }
            result = new ReloadResult(loaded, unloaded, deferred, List.copyOf(failures.keySet()));
            LOG.info(() -> "Plugins reloaded: " + describe());
        }
        changed();
        return result;
    }

    private void unload(String id) {
        jars.entrySet().removeIf(e -> e.getValue().pluginId().equals(id));
        unloadPending.remove(id);
        try {
            manager.stopPlugin(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Plugin " + id + " did not stop cleanly", e);
        }
        manager.unloadPlugin(id);
        LOG.info(() -> "Plugin " + id + " unloaded");
    }

    /** A job's hold on a plugin, so it is not unloaded while the job runs. */
    public synchronized Lease lease(String pluginId) {
        leases.merge(pluginId, 1, Integer::sum);
        return new Lease() {
            private boolean closed;

            @Override
            public void close() {
                boolean unloaded = false;
                synchronized (PluginRegistry.this) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    if (leases.merge(pluginId, -1, Integer::sum) <= 0) {
                        leases.remove(pluginId);
                        if (unloadPending.contains(pluginId)) {
                            unload(pluginId);
                            unloaded = true;
                        }
                    }
                }
                if (unloaded) {
                    // The jar may have been replaced meanwhile: the new one loads now.
                    reload();
                }
            }
        };
    }

    /** Marks a plugin as in use for the appliance's whole run (the open storage driver). */
    public synchronized void pin(String pluginId) {
        pinned.add(pluginId);
    }

    /** Called after each reload (the style catalogue reads the packs again). */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    private void changed() {
        for (Runnable r : changeListeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A plugin change listener failed", e);
            }
        }
    }

    /**
     * Every extension of {@code type} from the started plugins, plugin by plugin. Only plugins
     * count: PF4J would also offer extensions found on the application's own class path.
     */
    public synchronized <T> List<T> extensions(Class<T> type) {
        return contributions(type).stream().map(Contribution::extension).toList();
    }

    /** As {@link #extensions}, with the plugin each came from. One failing plugin is skipped. */
    public synchronized <T> List<Contribution<T>> contributions(Class<T> type) {
        requireStarted();
        List<Contribution<T>> found = new ArrayList<>();
        for (PluginWrapper plugin : manager.getStartedPlugins()) {
            if (unloadPending.contains(plugin.getPluginId())) {
                continue;
            }
            try {
                for (T e : manager.getExtensions(type, plugin.getPluginId())) {
                    found.add(new Contribution<>(plugin.getPluginId(), plugin.getDescriptor().getVersion(), e));
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "Plugin " + plugin.getPluginId() + " failed to provide its extensions", e);
            }
        }
        return found;
    }

    private void requireStarted() {
        if (manager == null) {
            throw new IllegalStateException("plugins are not loaded yet");
        }
    }

    /** Plugins that failed to load, a line each, for the operator. */
    public synchronized List<String> failures() {
        return failures.values().stream().map(f -> "Plugin " + f.jar() + " was not loaded: " + f.problem()).toList();
    }

    /** Every plugin jar of the folder as the operator sees it: loaded ones first, then failed ones. */
    public synchronized List<PluginInfo> list() {
        requireStarted();
        List<PluginInfo> all = new ArrayList<>();
        for (PluginWrapper w : manager.getPlugins()) {
            String state = unloadPending.contains(w.getPluginId()) ? "unloading" : w.getPluginState().toString().toLowerCase(java.util.Locale.ROOT);
            all.add(new PluginInfo(w.getPluginId(), w.getDescriptor().getVersion(), w.getDescriptor().getProvider(),
                    w.getDescriptor().getLicense(), state, w.getPluginPath().getFileName().toString(), null));
        }
        all.sort(java.util.Comparator.comparing(PluginInfo::id));
        all.addAll(failures.values());
        return all;
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
            PluginJars.stopAll(manager).forEach(e -> LOG.log(Level.WARNING, e.getMessage(), e.getCause()));
            manager.unloadPlugins();
        }
    }
}
