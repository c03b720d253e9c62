package io.headroom.tls;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The HTTPS listener as configured: its port ({@code 0}: no HTTPS), the address it binds
 * ({@code 0.0.0.0}: every interface), the operator's own certificate and key (PEM) if any, and extra
 * names for a certificate the appliance makes itself.
 */
public record HttpsSettings(int port, String bind, Optional<Path> certificate, Optional<Path> key, List<String> names) {

    public HttpsSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the HTTPS port must be from 0 (off) to 65535");
        }
        if (certificate.isPresent() != key.isPresent()) {
            throw new IllegalArgumentException("headroom.https.certificate and headroom.https.key go together: set both or neither");
        }
        names = List.copyOf(names);
    }

    public boolean enabled() {
        return port != 0;
    }
}
