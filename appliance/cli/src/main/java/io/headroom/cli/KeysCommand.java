package io.headroom.cli;

import io.headroom.receipt.SigningKeys;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * {@code headroom keys rotate-signing [--keys DIR]}: a new receipt-signing key from now on. The old
 * public key stays published (with the moment its validity ended) at {@code GET
 * /api/receipts/keys}, so receipts it signed keep verifying; its private seed is overwritten. A
 * running appliance notices the new key at its next receipt.
 */
final class KeysCommand {

    static final String USAGE = "usage: headroom keys rotate-signing [--keys DIR]";

    private final PrintStream out;
    private final Clock clock;

    KeysCommand(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    void run(List<String> args, Path keysDirectory) {
        if (args.size() != 1 || !args.get(0).equals("rotate-signing")) {
            throw new CliException(USAGE);
        }
        if (!Files.isDirectory(keysDirectory) || !Files.exists(keysDirectory.resolve(SigningKeys.SEED_FILE))) {
            throw new CliException("There is no receipt-signing key in " + keysDirectory
                    + ": give the appliance's keys directory with --keys (or HEADROOM_KEYS_DIR).");
        }
        try {
            SigningKeys before = SigningKeys.open(keysDirectory, clock.instant());
            String old = before.current().keyId();
            SigningKeys after = before.rotate(clock.instant(), new SecureRandom());
            out.println("Receipts are signed with key " + after.current().keyId() + " from now on. Key " + old
                    + " signed the receipts before; it stays published at GET /api/receipts/keys (" + after.history().size()
                    + " keys in all), and its private half is overwritten.");
        } catch (UncheckedIOException e) {
            throw new CliException(e.getMessage() + " (" + e.getCause().getMessage() + ")");
        }
    }
}
