package io.headroom.cli;

import io.headroom.config.ConfigKeys;
import io.headroom.tls.HttpsIdentity;
import io.headroom.tls.HttpsSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code headroom tls fingerprint [--keys DIR]}: the SHA-256 fingerprint of the HTTPS certificate,
 * to compare with what a browser shows. {@code headroom tls prepare [--https-port N]} is run by
 * {@code headroom serve} before every start: it makes (or refreshes) the HTTPS identity in the keys
 * directory and the listener settings Payara reads.
 */
final class TlsCommand {

    static final String USAGE = "usage: headroom tls fingerprint [--keys DIR]";

    private final PrintStream out;
    private final Map<String, String> configuration;
    private final Clock clock;

    TlsCommand(PrintStream out, Map<String, String> configuration, Clock clock) {
        this.out = out;
        this.configuration = configuration;
        this.clock = clock;
    }

    void run(List<String> args, Path keys) {
        if (args.isEmpty()) {
            throw new CliException(USAGE);
        }
        switch (args.get(0)) {
            case "fingerprint" -> {
                if (args.size() != 1) {
                    throw new CliException(USAGE);
                }
                fingerprint(keys);
            }
            case "prepare" -> prepare(args.subList(1, args.size()), keys);
            default -> throw new CliException(USAGE);
        }
    }

    private void fingerprint(Path keys) {
        try {
            String fingerprint = HttpsIdentity.fingerprint(HttpsIdentity.leaf(keys).orElseThrow(() -> new CliException(
                    "There is no HTTPS certificate in " + keys + " yet: it is made at the first start (or give --keys).")));
            out.println("SHA-256 " + fingerprint);
        } catch (IOException | GeneralSecurityException e) {
            throw new CliException("The HTTPS keystore in " + keys + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void prepare(List<String> args, Path keys) {
        Optional<Integer> port = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--https-port") && i + 1 < args.size()) {
                try {
                    port = Optional.of(Integer.parseInt(args.get(++i)));
                } catch (NumberFormatException e) {
                    throw new CliException("--https-port must be a number from 0 (off) to 65535");
                }
            } else {
                throw new CliException("usage: headroom tls prepare [--https-port N] [--keys DIR]");
            }
        }
        HttpsSettings settings;
        try {
            settings = new HttpsSettings(port.orElseGet(() -> CliConfiguration.get(configuration, ConfigKeys.HTTPS_PORT)),
                    CliConfiguration.get(configuration, ConfigKeys.HTTPS_BIND),
                    ConfigKeys.HTTPS_CERTIFICATE.optionalIn(CliConfiguration.source(configuration)),
                    ConfigKeys.HTTPS_KEY.optionalIn(CliConfiguration.source(configuration)),
                    CliConfiguration.get(configuration, ConfigKeys.HTTPS_NAMES));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException("The HTTPS configuration will not do: " + e.getMessage());
        }
        try {
            HttpsIdentity.Prepared p = HttpsIdentity.prepare(keys, settings, clock.instant(), new SecureRandom());
            out.println(p.https()
                    ? "HTTPS on " + settings.bind() + ":" + p.port() + " with " + (p.selfMade() ? "the appliance's own" : "your")
                    + " certificate for " + String.join(", ", p.names()) + "; SHA-256 " + p.fingerprint()
                    : "HTTPS is off (headroom.https.port=0): plain HTTP on 127.0.0.1 only.");
        } catch (IOException e) {
            throw new CliException("The HTTPS identity cannot be written in " + keys + " (" + e.getClass().getSimpleName() + ")");
        } catch (GeneralSecurityException e) {
            throw new CliException("The HTTPS certificate will not do: " + e.getMessage());
        }
    }
}
