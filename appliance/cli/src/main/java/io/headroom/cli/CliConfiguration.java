package io.headroom.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** The appliance's settings as a command-line tool sees them (for plugins and their settings). */
final class CliConfiguration {

    private CliConfiguration() {
    }

    /** The configuration file (if any) with the environment over it, as the appliance reads them. */
    static Map<String, String> read(Optional<Path> file, Map<String, String> environment) {
        Map<String, String> all = new HashMap<>();
        file.filter(Files::isRegularFile).ifPresent(f -> {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new CliException("Cannot read the configuration file " + f);
            }
            p.stringPropertyNames().forEach(n -> all.put(n, p.getProperty(n)));
        });
        // MicroProfile's rule: HEADROOM_STORAGE_S3_ENDPOINT overrides headroom.storage.s3.endpoint.
        for (String name : new ArrayList<>(all.keySet())) {
            String env = environment.get(name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
            if (env != null) {
                all.put(name, env);
            }
        }
        environment.forEach((k, v) -> {
            if (k.startsWith("HEADROOM_")) {
                all.putIfAbsent(k, v);
            }
        });
        return all;
    }

    /**
     * The registry's settings ({@link io.headroom.config.ConfigKeys}) as {@link #read} gives them:
     * a key's value from the file, overridden by its environment variable
     * ({@code HEADROOM_OUTPUT_JPEG_QUALITY}), whether or not the file names it.
     */
    static io.headroom.config.SettingsSource source(Map<String, String> configuration) {
        return key -> Optional.ofNullable(configuration.get(io.headroom.config.ConfigKeys.environmentName(key)))
                .or(() -> Optional.ofNullable(configuration.get(key)));
    }

    /** A setting as {@link #source} reads it, a value that will not do told as the appliance tells it. */
    static <T> T get(Map<String, String> configuration, io.headroom.config.Setting<T> setting) {
        try {
            return setting.in(source(configuration));
        } catch (IllegalStateException e) {
            throw new CliException("The configuration will not do: " + e.getMessage());
        }
    }

}
