package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsCommandTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private String run(Path keys, Map<String, String> configuration, String... args) {
        printed.reset();
        new TlsCommand(new PrintStream(printed, true, StandardCharsets.UTF_8), configuration,
                Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC)).run(List.of(args), keys);
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void prepareMakesTheCertificateWhoseFingerprintTheOperatorThenReads(@TempDir Path keys) {
        CliException none = assertThrows(CliException.class, () -> run(keys, Map.of(), "fingerprint"));
        assertTrue(none.getMessage().contains("no HTTPS certificate"), none.getMessage());

        String prepared = run(keys, Map.of("headroom.https.names", "studio.lan"), "prepare", "--https-port", "9443");
        assertTrue(prepared.contains("HTTPS on 0.0.0.0:9443 with the appliance's own certificate") && prepared.contains("studio.lan"), prepared);
        String fingerprint = run(keys, Map.of(), "fingerprint").strip();
        assertTrue(fingerprint.startsWith("SHA-256 ") && prepared.contains(fingerprint.substring(8)), fingerprint + " / " + prepared);
    }

    @Test
    void httpsOffLeavesPlainHttpOnLoopbackAndBadSettingsAreNamed(@TempDir Path keys) throws Exception {
        assertTrue(run(keys, Map.of("HEADROOM_HTTPS_PORT", "0"), "prepare").contains("HTTPS is off"));
        assertTrue(Files.readString(keys.resolve("tls/preboot.asadmin")).contains("http-listener.address=127.0.0.1"));
        CliException port = assertThrows(CliException.class, () -> run(keys, Map.of(), "prepare", "--https-port", "70000"));
        assertTrue(port.getMessage().contains("0 (off) to 65535"), port.getMessage());
        CliException bind = assertThrows(CliException.class, () -> run(keys, Map.of("headroom.https.bind", "studio.lan"), "prepare"));
        assertTrue(bind.getMessage().contains("headroom.https.bind") && bind.getMessage().contains("IP address"), bind.getMessage());
        assertEquals(TlsCommand.USAGE, assertThrows(CliException.class, () -> run(keys, Map.of(), "rotate")).getMessage());
    }
}
