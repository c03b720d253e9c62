package io.headroom.plugin.api.storage;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the appliance tells a driver when it opens it.
 *
 * @param dataDirectory the appliance's data directory (0700); a driver that stores files locally
 *                      keeps them under it, never elsewhere
 * @param settings      the driver's own settings: every {@code headroom.storage.<driver-id>.<name>}
 *                      configuration key, given here as {@code name}
 */
public record StorageContext(Path dataDirectory, Map<String, String> settings) {

    public StorageContext {
        settings = Map.copyOf(settings);
    }

    /** A setting, if configured. */
    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }
}
