package io.headroom.config;

import java.util.Optional;

/**
 * Where settings' text comes from: MicroProfile Config in the appliance, the configuration file
 * with the environment over it in the command-line tools. Empty when a key is not set.
 */
@FunctionalInterface
public interface SettingsSource {

    Optional<String> raw(String key);
}
