package io.headroom.server.storage;

import io.headroom.plugin.api.storage.StorageContext;
import io.headroom.storage.DriverRecord;
import io.headroom.storage.StorageSettings;
import io.headroom.plugin.api.storage.StorageDriver;
import io.headroom.plugin.api.storage.StorageException;
import io.headroom.plugin.api.storage.StorageHealth;
import io.headroom.plugin.api.storage.StorageKey;
import io.headroom.server.plugin.PluginRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The configured storage driver, opened once at start-up. Everything the appliance stores goes
 * through here, and all of it is ciphertext under random keys.
 */
@ApplicationScoped
public class BlobStore {

    private static final Logger LOG = Logger.getLogger(BlobStore.class.getName());

    @Inject
    PluginRegistry plugins;

    private volatile StorageDriver driver;

    /** Finds the driver named {@code driverId} among the plugins and opens it. */
    public synchronized void open(String driverId, Path dataDirectory) throws StorageException {
        io.headroom.storage.DriverChoice.Offered found = io.headroom.storage.DriverChoice.choose(plugins.contributions(StorageDriver.class)
                .stream().map(c -> new io.headroom.storage.DriverChoice.Offered(c.pluginId(), c.extension())).toList(), driverId, plugins.failures());
        StorageDriver chosen = found.driver();
        chosen.open(new StorageContext(dataDirectory, settingsOf(driverId)));
        // Only once it opened: a driver that never worked holds no data to protect.
        try {
            DriverRecord.claim(dataDirectory, driverId);
        } catch (java.io.IOException | RuntimeException e) {
            chosen.close();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new StorageException("The storage driver record in the data directory cannot be read or written", e);
        }
        // Everything stored goes through this driver: its plugin stays loaded until the appliance stops.
        plugins.pin(found.pluginId());
        driver = chosen;
        LOG.info(() -> "Storage driver " + driverId + " opened: " + chosen.health().detail());
    }

    private static Map<String, String> settingsOf(String driverId) {
        Config config = ConfigProvider.getConfig();
        return StorageSettings.collect(driverId, config.getPropertyNames(), name -> config.getOptionalValue(name, String.class));
    }

    private StorageDriver driver() {
        StorageDriver d = driver;
        if (d == null) {
            throw new IllegalStateException("storage is not open");
        }
        return d;
    }

    public void put(StorageKey key, InputStream content) throws StorageException {
        driver().put(key, content);
    }

    public InputStream get(StorageKey key) throws StorageException {
        return driver().get(key);
    }

    public boolean delete(StorageKey key) throws StorageException {
        return driver().delete(key);
    }

    public List<StorageKey> list(String prefix) throws StorageException {
        return driver().list(prefix);
    }

    /** Leftovers of puts cut short by a crash under {@code prefix}; see {@link StorageDriver#incomplete}. */
    public List<String> incomplete(String prefix) throws StorageException {
        return driver().incomplete(prefix);
    }

    public boolean deleteIncomplete(String name) throws StorageException {
        return driver().deleteIncomplete(name);
    }

    public StorageHealth health() {
        StorageDriver d = driver;
        return d == null ? StorageHealth.down("storage not open") : d.health();
    }

    public String driverId() {
        StorageDriver d = driver;
        return d == null ? "none" : d.id();
    }

    @PreDestroy
    synchronized void close() {
        if (driver != null) {
            driver.close();
            driver = null;
        }
    }
}
