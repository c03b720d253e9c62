package io.headroom.server.plugin;

import io.headroom.plugin.PluginTrust;
import io.headroom.plugin.PluginVerifier;
import io.headroom.plugin.VerifyingPluginManager;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pf4j.PluginStateListener;
import org.pf4j.PluginWrapper;

/**
 * Owns the one plugin manager of the appliance ({@link VerifyingPluginManager}, shared with the
 * command-line tools) and hands out extensions. Every jar of the plugins folder is verified from
 * the bytes that are loaded, one by one, so one refused or broken jar is reported with its
 * reason while the others load. The folder's {@code enabled.txt} / {@code disabled.txt} (PF4J's)
 * decide which plugins start.
 *
 * <p>{@link #reload()} picks up jars added to, replaced in or removed from the folder while the
 * appliance runs. A plugin in use by a running job ({@link #lease}) is stopped at once (no new job
 * gets it) and unloaded when the last job lets go. The plugins {@link #pin pinned} for the whole
 * run (the open storage driver) are never unloaded at run time. Who wants to know of changes
 * listens to PF4J's own plugin state events ({@link #addStateListener}).
 */
@ApplicationScoped
public class PluginRegistry {

    private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

    /**
     * A plugin jar as the operator sees it. {@code state} is started, disabled, stopped, unloading
     * or failed; {@code trust} says why it was let in; {@code problem} why not.
     */
    public record PluginInfo(String id, String version, String provider, String licence, String kind, String state, String jar,
                             String sha256, String trust, String problem) {
    }

    /** Who is trusted to run code here, as read from the trust folder now. */
    public record Trust(boolean signaturesRequired, List<TrustedKey> trustedKeys, List<PluginTrust.PinnedJar> pinnedJars, String problem) {
    }

    /** A trusted author's key: its id and file in the trust folder. */
    public record TrustedKey(String id, String file) {
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

    private record Stamp(String pluginId, FileTime modified, long size) {
    }

    private VerifyingPluginManager manager;
    private final Map<Path, Stamp> jars = new HashMap<>();
    private final PluginLeases leases = new PluginLeases();
    private final Set<String> pinned = new HashSet<>();

    /**
     * Loads and starts every plugin jar in {@code folder} that {@code verifier} accepts, from
     * verified copies in {@code staging} (a private folder, emptied now); called once at start-up.
     */
    public synchronized void start(Path folder, Path staging, PluginVerifier verifier) {
        if (manager != null) {
            return;
        }
        manager = new VerifyingPluginManager(folder, staging, verifier);
        for (Path jar : manager.jarsInFolder()) {
            manager.tryLoad(jar).ifPresent(l -> jars.put(jar, stamp(jar, l.id())));
        }
        LOG.info(() -> "Plugins loaded from " + folder + ": " + describe());
    }

    private static Stamp stamp(Path jar, String id) {
        try {
            return new Stamp(id, Files.getLastModifiedTime(jar), Files.size(jar));
        } catch (IOException e) {
            return new Stamp(id, FileTime.fromMillis(0), -1);
        }
    }

    /** PF4J's state events of every plugin from now on (started, stopped, unloaded…). */
    public synchronized void addStateListener(PluginStateListener listener) {
        requireStarted();
        manager.addPluginStateListener(listener);
    }

    /**
     * Looks at the plugins folder again: jars that are new (or replaced) load, jars that are gone
     * or replaced unload, except while a job holds them (they follow when it lets go) or when pinned.
     */
    public synchronized ReloadResult reload() {
        requireStarted();
        List<String> loaded = new ArrayList<>();
        List<String> unloaded = new ArrayList<>();
        List<String> deferred = new ArrayList<>();
        manager.forgetRefusalsOfGoneJars();
        List<Path> present = manager.jarsInFolder();
        for (Map.Entry<Path, Stamp> e : new ArrayList<>(jars.entrySet())) {
            Path jar = e.getKey();
            String id = e.getValue().pluginId();
            boolean changed = !present.contains(jar) || !stamp(jar, id).equals(e.getValue());
            if (!changed || leases.unloadPending(id)) {
                continue;
            }
            if (pinned.contains(id)) {
                LOG.warning(() -> "Plugin " + id + " changed on disk but is in use by the storage driver: restart to pick up the change");
            } else if (leases.held(id)) {
                // Stopped now, so no new job gets it; unloaded when the last job lets go.
                leases.unloadWhenReleased(id);
                stopQuietly(id);
                deferred.add(id);
            } else {
                unload(id);
                unloaded.add(id);
            }
        }
        for (Path jar : present) {
            if (!jars.containsKey(jar)) {
                manager.tryLoad(jar).ifPresent(l -> {
                    jars.put(jar, stamp(jar, l.id()));
                    loaded.add(l.id());
                });
            }
        }
        List<String> failed = manager.refusals().stream().map(VerifyingPluginManager.Refusal::jar).toList();
        LOG.info(() -> "Plugins reloaded: " + describe());
        return new ReloadResult(loaded, unloaded, deferred, failed);
    }

    private void stopQuietly(String id) {
        try {
            manager.stopPlugin(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Plugin " + id + " did not stop cleanly", e);
        }
    }

    private void unload(String id) {
        jars.entrySet().removeIf(e -> e.getValue().pluginId().equals(id));
        leases.forget(id);
        stopQuietly(id);
        manager.unloadPlugin(id);
        LOG.info(() -> "Plugin " + id + " unloaded");
    }

    /** A job's hold on a plugin, so it is not unloaded while the job runs. */
    public synchronized Lease lease(String pluginId) {
        leases.acquire(pluginId);
        return new Lease() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (PluginRegistry.this) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    if (leases.release(pluginId)) {
                        unload(pluginId);
                        // The jar may have been replaced meanwhile: the new one loads now.
                        reload();
                    }
                }
            }
        };
    }

    /** Marks a plugin as in use for the appliance's whole run (the open storage driver). */
    public synchronized void pin(String pluginId) {
        pinned.add(pluginId);
    }

    /**
     * Every extension of {@code type} from the started plugins, plugin by plugin, of plugins whose
     * kind allows it. Only plugins count: PF4J would also offer extensions found on the
     * application's own class path.
     */
    public synchronized <T> List<T> extensions(Class<T> type) {
        return contributions(type).stream().map(Contribution::extension).toList();
    }

    /** As {@link #extensions}, with the plugin each came from. One failing plugin is skipped. */
    public synchronized <T> List<Contribution<T>> contributions(Class<T> type) {
        requireStarted();
        List<Contribution<T>> found = new ArrayList<>();
        for (PluginWrapper plugin : manager.getStartedPlugins()) {
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

    /** Plugins that were refused, a line each, for the operator. */
    public synchronized List<String> failures() {
        requireStarted();
        return manager.refusals().stream().map(f -> "Plugin " + f.jar() + " was not loaded: " + f.reason()).toList();
    }

    /** Every plugin jar of the folder as the operator sees it: loaded ones first, then refused ones. */
    public synchronized List<PluginInfo> list() {
        requireStarted();
        List<PluginInfo> all = new ArrayList<>();
        for (VerifyingPluginManager.Loaded l : manager.loadedPlugins()) {
            PluginWrapper w = manager.getPlugin(l.id());
            if (w == null) {
                continue;
            }
            String state = leases.unloadPending(l.id()) ? "unloading" : w.getPluginState().toString().toLowerCase(Locale.ROOT);
            PluginVerifier.Verified v = l.verified();
            all.add(new PluginInfo(l.id(), w.getDescriptor().getVersion(), w.getDescriptor().getProvider(), w.getDescriptor().getLicense(),
                    v.kind().word(), state, l.jar().getFileName().toString(), v.sha256(), v.trust(), null));
        }
        all.sort(Comparator.comparing(PluginInfo::id));
        for (VerifyingPluginManager.Refusal r : manager.refusals()) {
            PluginVerifier.Descriptor d = r.descriptor();
            all.add(new PluginInfo(d == null ? null : d.id(), d == null ? null : d.version(), d == null ? null : d.provider(),
                    d == null ? null : d.licence(), d == null ? null : d.kind(), "failed", r.jar(), null, null, r.reason()));
        }
        return all;
    }

    /** Whom the appliance trusts to run code, from the trust folder as it is now. */
    public synchronized Trust trust() {
        requireStarted();
        boolean required = manager.verifier().signatureRequired();
        try {
            PluginTrust t = manager.verifier().trust();
            return new Trust(required, t.keys().stream().map(k -> new TrustedKey(k.id(), k.file())).toList(), t.pins(), null);
        } catch (IllegalStateException e) {
            return new Trust(required, List.of(), List.of(), e.getMessage());
        }
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
            manager.close();
        }
    }
}
