package io.headroom.storage;

import io.headroom.plugin.api.storage.StorageDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Picks the configured storage driver among those the plugins offer, for the appliance and the
 * command-line tools alike. Two drivers under one id refuse, whatever id is configured: which of
 * them held the sealed blobs would depend on the order plugins happened to load in.
 */
public final class DriverChoice {

    /** A driver a plugin offers. */
    public record Offered(String pluginId, StorageDriver driver) {
    }

    private DriverChoice() {
    }

    /**
     * @param failures lines on plugins that were refused, added to the message when the driver is missing
     * @throws IllegalStateException naming the plugins when two drivers share an id, or what there is when none has {@code driverId}
     */
    public static Offered choose(List<Offered> available, String driverId, List<String> failures) {
        Map<String, List<String>> pluginsById = new TreeMap<>();
        for (Offered d : available) {
            pluginsById.computeIfAbsent(d.driver().id(), k -> new ArrayList<>()).add(d.pluginId());
        }
        for (Map.Entry<String, List<String>> e : pluginsById.entrySet()) {
            if (e.getValue().size() > 1) {
                throw new IllegalStateException("Two storage drivers have the id '" + e.getKey() + "' (plugins "
                        + String.join(" and ", e.getValue()) + "): remove or disable all but one in the plugins folder");
            }
        }
        return available.stream().filter(d -> d.driver().id().equals(driverId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No storage driver '" + driverId + "' in the plugins folder (found: "
                        + (pluginsById.isEmpty() ? "none" : String.join(", ", pluginsById.keySet())) + ")"
                        + (failures.isEmpty() ? "" : "; " + String.join("; ", failures))));
    }
}
