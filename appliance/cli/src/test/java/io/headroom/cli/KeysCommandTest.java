package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.receipt.SigningKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    private void run(Path keys, String... args) {
        new KeysCommand(new PrintStream(printed, true, StandardCharsets.UTF_8), clock).run(List.of(args), keys);
    }

    @Test
    void rotateSigningMakesANewKeyAndKeepsTheOldOnePublished(@TempDir Path keys) {
        String old = SigningKeys.open(keys, Instant.parse("2026-01-01T00:00:00Z")).current().keyId();

        run(keys, "rotate-signing");

        SigningKeys now = SigningKeys.open(keys, clock.instant());
        assertEquals(2, now.history().size());
        assertEquals(old, now.history().get(0).id());
        assertEquals(clock.instant(), now.history().get(0).validUntil());
        String said = printed.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("signed with key " + now.current().keyId()) && said.contains("Key " + old), said);
    }

    @Test
    void aDirectoryWithoutASigningKeyIsAClearErrorAndGetsNone(@TempDir Path keys) {
        CliException e = assertThrows(CliException.class, () -> run(keys.resolve("nowhere"), "rotate-signing"));
        assertTrue(e.getMessage().contains("--keys"), e.getMessage());
        assertEquals(2, assertThrows(CliException.class, () -> run(keys, "rotate")).status());
    }
}
