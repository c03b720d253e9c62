package io.headroom.cli;

import io.headroom.receipt.ReceiptSigner;
import io.headroom.receipt.Receipts;
import io.headroom.receipt.SigningKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

/**
 * {@code headroom verify-receipt FILE (--key PEM | --keys JSON) [--previous FILE]}: checks a
 * deletion receipt's signature offline and, given the receipt before it, that the two are chained.
 * With {@code --keys} (what {@code GET /api/receipts/keys} gives: every signing key the appliance
 * has had) the key is the one the receipt names, or for a receipt from before receipts named their
 * key, the one valid when it was issued. Exit 0 when valid, 1 when not, 2 on usage errors.
 */
final class VerifyReceiptCommand {

    static final String USAGE = "usage: headroom verify-receipt RECEIPT.json (--key receipts-key.pem | --keys receipts-keys.json) "
            + "[--previous PREVIOUS.json]";
    static final int INVALID = 1;

    private final PrintStream out;

    VerifyReceiptCommand(PrintStream out) {
        this.out = out;
    }

    void run(List<String> args) {
        Path receipt = null;
        Path key = null;
        Path keys = null;
        Path previous = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--key") && i + 1 < args.size()) {
                key = Path.of(args.get(++i));
            } else if (a.equals("--keys") && i + 1 < args.size()) {
                keys = Path.of(args.get(++i));
            } else if (a.equals("--previous") && i + 1 < args.size()) {
                previous = Path.of(args.get(++i));
            } else if (receipt == null && !a.startsWith("--")) {
                receipt = Path.of(a);
            } else {
                throw new CliException("unexpected '" + a + "'.\n" + USAGE);
            }
        }
        if (receipt == null || (key == null) == (keys == null)) {
            throw new CliException(USAGE);
        }
        List<SigningKeys.PublishedKey> known = key != null ? List.of(single(key)) : history(keys);
        Map<String, Object> r = read(receipt);
        PublicKey signedBy = keyOf(r, receipt, known, key != null);
        if (!Receipts.verify(r, signedBy)) {
            throw new CliException("INVALID: " + receipt + " was not signed by this key, or was changed after signing.", INVALID);
        }
        String what = "Receipt " + r.get("id") + " is valid: signed by the appliance key " + ReceiptSigner.keyId(signedBy)
                + ", session deleted at " + r.get("deletedAt");
        if (previous != null) {
            Map<String, Object> p = read(previous);
            if (!Receipts.verify(p, keyOf(p, previous, known, key != null))) {
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

    /** The key to check a receipt with: with one key given, that one; else the one the receipt names or was issued under. */
    private static PublicKey keyOf(Map<String, Object> receipt, Path file, List<SigningKeys.PublishedKey> known, boolean onlyOne) {
        SigningKeys.PublishedKey k = onlyOne ? known.get(0) : SigningKeys.keyFor(receipt, known).orElseThrow(() -> new CliException(
                "INVALID: none of the keys given signed " + file + " (it names key " + receipt.get("signingKey") + ").", INVALID));
        Object named = receipt.get("signingKey");
        if (named != null && !named.equals(k.id())) {
            throw new CliException("INVALID: " + file + " names signing key " + named + ", not " + k.id()
                    + ". GET /api/receipts/keys lists every key the appliance has had; pass it with --keys.", INVALID);
        }
        return ReceiptSigner.publicKey(k.publicKeyPem());
    }

    private static SigningKeys.PublishedKey single(Path key) {
        try {
            PublicKey k = ReceiptSigner.publicKey(Files.readString(key));
            return new SigningKeys.PublishedKey(ReceiptSigner.keyId(k), Files.readString(key), null, null);
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException("The key file " + key + " is not an Ed25519 public key in PEM form (GET /api/receipts/key gives one).");
        }
    }

    private static List<SigningKeys.PublishedKey> history(Path keys) {
        try {
            List<SigningKeys.PublishedKey> all = SigningKeys.parse(Files.readAllBytes(keys));
            all.forEach(k -> ReceiptSigner.publicKey(k.publicKeyPem()));
            if (all.isEmpty()) {
                throw new IOException("no keys");
            }
            return all;
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException("The keys file " + keys + " is not a list of signing keys (GET /api/receipts/keys gives one).");
        }
    }

    private static Map<String, Object> read(Path file) {
        try {
            return Receipts.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CliException("Cannot read " + file + " as a receipt (JSON).", INVALID);
        }
    }
}
