package io.headroom.storage;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A storage driver's settings from the appliance's configuration: every
 * {@code headroom.storage.<id>.<name>} as {@code <name>}, and every environment-style name
 * {@code HEADROOM_STORAGE_<ID>_<NAME>} as {@code <name>} in lower case with {@code -} for
 * {@code _}. Where both forms name one setting, {@code lookup} of the dotted name decides (in
 * MicroProfile Config the environment overrides the file).
 */
public final class StorageSettings {

    private StorageSettings() {
    }

    public static Map<String, String> collect(String driverId, Iterable<String> names, Function<String, Optional<String>> lookup) {
        String prefix = "headroom.storage." + driverId + ".";
        String envPrefix = "HEADROOM_STORAGE_" + driverId.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        Map<String, String> settings = new HashMap<>();
        Map<String, String> environmentOnly = new HashMap<>();
        for (String name : names) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                lookup.apply(name).ifPresent(v -> settings.put(name.substring(prefix.length()), v));
            } else if (name.startsWith(envPrefix) && name.length() > envPrefix.length()) {
                String key = name.substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '-');
                lookup.apply(name).ifPresent(v -> environmentOnly.put(key, v));
            }
        }
        environmentOnly.forEach(settings::putIfAbsent);
        return settings;
    }
}
