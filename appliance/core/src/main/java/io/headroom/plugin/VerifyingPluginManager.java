package io.headroom.plugin;

import io.headroom.plugin.api.ApiVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * PF4J's plugin manager, verifying before it loads, shared by the appliance and the command-line
 * tools (as PF4J's demo extends {@code DefaultPluginManager} for its own loading rules).
 *
 * <p>Each jar of the operator's plugins folder is {@linkplain PluginVerifier#stage copied into a
 * private staging folder while it is checked} and PF4J loads that copy; the folder's
 * {@code enabled.txt}/{@code disabled.txt} still decide what starts. Before a plugin starts, the
 * extensions it declares must all be of the {@link PluginKind kind} its descriptor names, and
 * {@link #getExtensions(Class, String)} never hands out another kind. Jars are loaded one by one,
 * so one refused or broken jar is {@linkplain #refusals() recorded with its reason} and the
 * others load.
 */
public class VerifyingPluginManager extends DefaultPluginManager {

    private static final Logger LOG = Logger.getLogger(VerifyingPluginManager.class.getName());

    /** A plugin that loaded: the jar in the plugins folder it came from, and what verification found. */
    public record Loaded(String id, Path jar, PluginVerifier.Verified verified) {
    }

    /** A jar that was not loaded, by its file name, with what its descriptor said (if anything) and why. */
    public record Refusal(String jar, PluginVerifier.Descriptor descriptor, String reason) {
    }

    private final Path folder;
    private final Path staging;
    private final PluginVerifier verifier;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private final Map<String, Refusal> refused = Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * @param folder   the operator's plugins folder (with PF4J's enabled/disabled lists)
     * @param staging  a folder only this process writes; emptied now, verified copies live there
     * @param verifier what a jar must pass
     */
    public VerifyingPluginManager(Path folder, Path staging, PluginVerifier verifier) {
        super(folder);
        this.folder = folder;
        this.staging = staging;
        this.verifier = verifier;
        setSystemVersion(ApiVersion.CURRENT.major() + "." + ApiVersion.CURRENT.minor() + ".0");
        try {
            emptyPrivateFolder(staging);
        } catch (IOException e) {
            throw new IllegalStateException("The plugin staging folder " + staging + " cannot be prepared (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void emptyPrivateFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public PluginVerifier verifier() {
        return verifier;
    }

    /** The jars of the plugins folder, by name; none when the folder does not exist. */
    public List<Path> jarsInFolder() {
        try (Stream<Path> files = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("The plugins folder " + folder + " cannot be read", e);
        }
    }

    /** Loads every jar of the folder one by one; refusals are recorded, never thrown. */
    @Override
    public void loadPlugins() {
        for (Path jar : jarsInFolder()) {
            tryLoad(jar);
        }
    }

    /** {@link #load}, with a refusal recorded and logged instead of thrown. */
    public Optional<Loaded> tryLoad(Path jar) {
        String name = jar.getFileName().toString();
        refused.remove(name);
        try {
            return Optional.of(load(jar));
        } catch (PluginVerifier.Rejected e) {
            PluginVerifier.Descriptor d = e.descriptor();
            refused.put(name, new Refusal(name, d, e.getMessage()));
            LOG.warning(() -> "Plugin " + (d == null || d.id() == null ? name : d.id() + " (" + name + ")") + " was not loaded: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Verifies {@code jar} into the staging folder, loads the copy, checks its extensions' kind
     * and starts it unless it is disabled. A plugin that loads but fails a later step is unloaded.
     *
     * @throws PluginVerifier.Rejected for any reason it is not running, with what its descriptor said
     */
    public Loaded load(Path jar) throws PluginVerifier.Rejected {
        PluginVerifier.Verified v = verifier.stage(jar, staging);
        PluginVerifier.Descriptor d = v.descriptor();
        String id;
        try {
            id = super.loadPlugin(v.copy());
        } catch (RuntimeException e) {
            deleteQuietly(v.copy());
            throw new PluginVerifier.Rejected(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), d);
        }
        if (id == null) {
            deleteQuietly(v.copy());
            throw new PluginVerifier.Rejected("PF4J did not accept it", d);
        }
        Loaded l = new Loaded(id, jar, v);
        loaded.put(id, l);
        try {
            checkKind(id, v);
            // Starting a disabled plugin would enable it (PF4J rewrites disabled.txt): leave it be.
            if (getPlugin(id).getPluginState() != PluginState.DISABLED && startPlugin(id) != PluginState.STARTED) {
                throw new PluginVerifier.Rejected("it did not start (does it require a newer Headroom API than "
                        + ApiVersion.CURRENT.major() + "." + ApiVersion.CURRENT.minor() + "?)", d);
            }
            return l;
        } catch (PluginVerifier.Rejected e) {
            unloadPlugin(id);
            throw e;
        } catch (RuntimeException | LinkageError e) {
            unloadPlugin(id);
            throw new PluginVerifier.Rejected(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), d);
        }
    }

    /**
     * Every extension the plugin declares (PF4J's index and Java service files) must belong to its
     * kind. Classes are looked up, not initialised: no plugin code runs before this passes.
     */
    private void checkKind(String id, PluginVerifier.Verified v) throws PluginVerifier.Rejected {
        ClassLoader loader = getPlugin(id).getPluginClassLoader();
        try (JarFile jar = new JarFile(v.copy().toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                String entry = e.nextElement().getName();
                if (entry.startsWith("META-INF/services/")) {
                    String service = entry.substring("META-INF/services/".length());
                    for (Class<?> point : PluginKind.EXTENSION_POINTS) {
                        if (point.getName().equals(service) && !v.kind().allows(point)) {
                            throw wrongKind(v, point, service);
                        }
                    }
                }
            }
            JarEntry index = jar.getJarEntry("META-INF/extensions.idx");
            if (index == null) {
                return;
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(jar.getInputStream(index), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    String name = line.strip();
                    if (name.isEmpty() || name.startsWith("#")) {
                        continue;
                    }
                    Class<?> c;
                    try {
                        c = Class.forName(name, false, loader);
                    } catch (ClassNotFoundException | LinkageError ex) {
                        throw new PluginVerifier.Rejected("its extension " + name + " cannot be loaded", v.descriptor());
                    }
                    for (Class<?> point : PluginKind.EXTENSION_POINTS) {
                        if (point.isAssignableFrom(c) && !v.kind().allows(point)) {
                            throw wrongKind(v, point, name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new PluginVerifier.Rejected("its extensions cannot be read", v.descriptor());
        }
    }

    private static PluginVerifier.Rejected wrongKind(PluginVerifier.Verified v, Class<?> point, String what) {
        String other = PluginKind.EXTENSION_POINTS.indexOf(point) >= 0 ? kindOf(point) : point.getSimpleName();
        return new PluginVerifier.Rejected("it declares itself a " + v.kind().word() + " but contributes a " + other
                + " (" + what + "); a plugin may only contribute extensions of its own kind", v.descriptor());
    }

    private static String kindOf(Class<?> point) {
        for (PluginKind k : PluginKind.values()) {
            if (k.extensionPoint() == point) {
                return k.word();
            }
        }
        return point.getSimpleName();
    }

    /** The plugin's extensions of {@code type}, none when {@code type} is not of the plugin's kind. */
    @Override
    public <T> List<T> getExtensions(Class<T> type, String pluginId) {
        Loaded l = loaded.get(pluginId);
        if (l == null || !l.verified().kind().allows(type)) {
            if (l != null && PluginKind.EXTENSION_POINTS.contains(type)) {
                LOG.fine(() -> "Plugin " + pluginId + " is a " + l.verified().kind().word() + ": no " + type.getSimpleName() + " from it");
            }
            return List.of();
        }
        return super.getExtensions(type, pluginId);
    }

    /** Only plugins' extensions, never ones PF4J would find on the application's own class path. */
    @Override
    public <T> List<T> getExtensions(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (PluginWrapper p : getStartedPlugins()) {
            found.addAll(getExtensions(type, p.getPluginId()));
        }
        return found;
    }

    @Override
    protected boolean unloadPlugin(String pluginId, boolean unloadDependents, boolean resolveDependencies) {
        boolean done = super.unloadPlugin(pluginId, unloadDependents, resolveDependencies);
        Loaded l = loaded.remove(pluginId);
        if (l != null) {
            deleteQuietly(l.verified().copy());
        }
        return done;
    }

    /**
     * Stops every started plugin, one at a time over a copy (PF4J's own stopPlugins trips over its
     * list when plugins were loaded singly), so one failing to stop does not keep the others running.
     *
     * @return the failures, for the caller to report
     */
    public List<RuntimeException> stopAll() {
        List<RuntimeException> failed = new ArrayList<>();
        for (PluginWrapper w : new ArrayList<>(getStartedPlugins())) {
            try {
                stopPlugin(w.getPluginId());
            } catch (RuntimeException e) {
                failed.add(new IllegalStateException("Plugin " + w.getPluginId() + " did not stop cleanly", e));
            }
        }
        return failed;
    }

    /** Stops and unloads everything and empties the staging folder. */
    public void close() {
        stopAll().forEach(e -> LOG.log(Level.WARNING, e.getMessage(), e.getCause()));
        for (String id : new ArrayList<>(loaded.keySet())) {
            try {
                unloadPlugin(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Plugin " + id + " did not unload cleanly", e);
            }
        }
        try {
            emptyPrivateFolder(staging);
        } catch (IOException e) {
            LOG.fine(() -> "The plugin staging folder could not be emptied: " + e.getClass().getSimpleName());
        }
    }

    /** What verification found for a loaded plugin. */
    public Optional<Loaded> loaded(String pluginId) {
        return Optional.ofNullable(loaded.get(pluginId));
    }

    /** The plugins that loaded, by id. */
    public List<Loaded> loadedPlugins() {
        return loaded.values().stream().sorted(Comparator.comparing(Loaded::id)).toList();
    }

    /** The jars that were refused, in the order they were tried. */
    public List<Refusal> refusals() {
        synchronized (refused) {
            return List.copyOf(refused.values());
        }
    }

    /** Forgets refusals of jars no longer in the folder. */
    public void forgetRefusalsOfGoneJars() {
        List<String> present = jarsInFolder().stream().map(p -> p.getFileName().toString()).toList();
        synchronized (refused) {
            refused.keySet().removeIf(name -> !present.contains(name));
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // The staging folder is emptied at the next start.
        }
    }
}
