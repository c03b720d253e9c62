package io.headroom.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of the command-line tools behind {@code bin/headroom} (all but {@code serve},
 * which the launcher starts itself). Options {@code --data DIR} and {@code --keys DIR} default
 * to {@code HEADROOM_DATA_DIR}/{@code HEADROOM_KEYS_DIR}, then {@code ./data} and {@code ./keys}.
 */
public final class HeadroomCli {

    private HeadroomCli() {
    }

    public static void main(String[] argv) {
        try {
            run(List.of(argv));
        } catch (CliException e) {
            System.err.println("headroom: " + e.getMessage());
            System.exit(e.status());
        }
    }

    static void run(List<String> argv) {
        List<String> rest = new ArrayList<>();
        Path data = Path.of(envOr("HEADROOM_DATA_DIR", "./data"));
        Path keys = Path.of(envOr("HEADROOM_KEYS_DIR", "./keys"));
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if ((a.equals("--data") || a.equals("--keys")) && i + 1 < argv.size()) {
                Path p = Path.of(argv.get(++i));
                if (a.equals("--data")) {
                    data = p;
                } else {
                    keys = p;
                }
            } else {
                rest.add(a);
            }
        }
        if (rest.isEmpty()) {
            throw new CliException("usage: headroom operator ...");
        }
        switch (rest.get(0)) {
            case "operator" -> new OperatorCommand(PasswordSource.interactiveOrStdin(), System.out)
                    .run(rest.subList(1, rest.size()), data, keys);
            case "process" -> new ProcessCommand(Path.of(System.getProperty("headroom.models.dir", "models")), System.out,
                    Path.of(System.getProperty("headroom.plugins.dir", "plugins")),
                    configuration())
                    .run(rest.subList(1, rest.size()));
            case "models" -> new ModelsCommand(Path.of(System.getProperty("headroom.models.dir", "models")), System.out,
                    new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)),
                    java.time.Clock.systemUTC()).run(rest.subList(1, rest.size()));
            case "verify-receipt" -> new VerifyReceiptCommand(System.out).run(rest.subList(1, rest.size()));
            case "keys" -> new KeysCommand(System.out, java.time.Clock.systemUTC()).run(rest.subList(1, rest.size()), keys);
            case "storage" -> new StorageCommand(System.out, Path.of(System.getProperty("headroom.plugins.dir", "plugins")),
                    configuration())
                    .run(rest.subList(1, rest.size()), data);
            case "tls" -> new TlsCommand(System.out, configuration(), java.time.Clock.systemUTC()).run(rest.subList(1, rest.size()), keys);
            case "plugins" -> new PluginsCommand(System.out, Path.of(System.getProperty("headroom.plugins.dir", "plugins")), configuration())
                    .run(rest.subList(1, rest.size()));
            default -> throw new CliException("unknown command '" + rest.get(0) + "'. Commands: serve, operator, process, models, verify-receipt, keys, storage, plugins, tls");
        }
    }

    /** The configuration file bin/headroom names, with the environment over it. */
    private static java.util.Map<String, String> configuration() {
        return CliConfiguration.read(Optional.ofNullable(System.getProperty("headroom.config.file")).map(Path::of), System.getenv());
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
