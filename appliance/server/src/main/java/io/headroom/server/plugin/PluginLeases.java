package io.headroom.server.plugin;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which plugins running jobs hold, and which of them are waiting to be unloaded until the last
 * job lets go. Only bookkeeping: the registry does the loading and unloading.
 */
final class PluginLeases {

    private final Map<String, Integer> held = new HashMap<>();
    private final Set<String> pending = new HashSet<>();

    synchronized void acquire(String pluginId) {
        held.merge(pluginId, 1, Integer::sum);
    }

    /** Lets one hold go; true when it was the last and the plugin waits to be unloaded (it no longer waits). */
    synchronized boolean release(String pluginId) {
        if (held.merge(pluginId, -1, Integer::sum) > 0) {
            return false;
        }
        held.remove(pluginId);
        return pending.remove(pluginId);
    }

    synchronized boolean held(String pluginId) {
        return held.containsKey(pluginId);
    }

    /** The plugin is to be unloaded when the last job holding it lets go. */
    synchronized void unloadWhenReleased(String pluginId) {
        pending.add(pluginId);
    }

    synchronized boolean unloadPending(String pluginId) {
        return pending.contains(pluginId);
    }

    synchronized void forget(String pluginId) {
        pending.remove(pluginId);
    }
}
