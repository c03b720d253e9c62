package io.headroom.cli;

import io.headroom.receipt.ReceiptSigner;
import io.headroom.receipt.Receipts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

/**
 * {@code headroom verify-receipt FILE --key PEM [--previous FILE]}: checks a deletion receipt's
 * signature offline and, given the receipt before it, that the two are chained. Exit 0 when
 * valid, 1 when not, 2 on usage errors.
 */
final class VerifyReceiptCommand {

    static final String USAGE = "usage: headroom verify-receipt RECEIPT.json --key receipts-key.pem [--previous PREVIOUS.json]";
    static final int INVALID = 1;

    private final PrintStream out;

    VerifyReceiptCommand(PrintStream out) {
        this.out = out;
    }

    void run(List<String> args) {
        Path receipt = null;
        Path key = null;
        Path previous = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--key") && i + 1 < args.size()) {
                key = Path.of(args.get(++i));
            } else if (a.equals("--previous") && i + 1 < args.size()) {
                previous = Path.of(args.get(++i));
            } else if (receipt == null && !a.startsWith("--")) {
                receipt = Path.of(a);
            } else {
                throw new CliException("unexpected '" + a + "'.\n" + USAGE);
            }
        }
        if (receipt == null || key == null) {
            throw new CliException(USAGE);
        }
        PublicKey publicKey;
        try {
            publicKey = ReceiptSigner.publicKey(Files.readString(key));
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException("The key file " + key + " is not an Ed25519 public key in PEM form (GET /api/receipts/key gives one).");
        }
        Map<String, Object> r = read(receipt);
        if (!Receipts.verify(r, publicKey)) {
            throw new CliException("INVALID: " + receipt + " was not signed by this key, or was changed after signing.", INVALID);
        }
        String what = "Receipt " + r.get("id") + " is valid: signed by the appliance key, session deleted at " + r.get("deletedAt");
        if (previous != null) {
            Map<String, Object> p = read(previous);
            if (!Receipts.verify(p, publicKey)) {
                throw new CliException("INVALID: the previous receipt " + previous + " was not signed by this key, or was changed.", INVALID);
            }
            if (!Receipts.hash(p).equals(r.get(Receipts.PREVIOUS))) {
                throw new CliException("INVALID: " + receipt + " does not follow " + previous + " in the chain (a receipt in between, "
                        + "or one was changed).", INVALID);
            }
            what += "; it directly follows receipt " + p.get("id");
        }
        out.println(what + ".");
    }

    private static Map<String, Object> read(Path file) {
        try {
            return Receipts.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CliException("Cannot read " + file + " as a receipt (JSON).", INVALID);
        }
    }
}
