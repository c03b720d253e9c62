package io.headroom.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whom the operator trusts to run code inside the appliance, as written in the trust folder
 * ({@code headroom.plugins.trusted-keys}): authors' Ed25519 public keys ({@code *.pem}), and the
 * SHA-256 of single jars pinned one by one ({@code pinned-jars.sha256}, {@code sha256sum} format,
 * the name after the hash being a note). Read afresh each time plugins are loaded, so
 * {@code headroom plugins trust-key} and {@code trust} take effect at the next reload.
 */
public record PluginTrust(List<TrustedKey> keys, List<PinnedJar> pins) {

    /** The file of pinned jar hashes inside the trust folder. */
    public static final String PINS_FILE = "pinned-jars.sha256";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** An author's key: {@code id} is the first 16 hex digits of the SHA-256 of its SubjectPublicKeyInfo. */
    public record TrustedKey(String id, String file, PublicKey key) {
    }

    /** One jar trusted by its hash; {@code note} says what it was (the jar's name, plugin and version when pinned). */
    public record PinnedJar(String sha256, String note) {
    }

    public PluginTrust {
        keys = List.copyOf(keys);
        pins = List.copyOf(pins);
    }

    /** Nobody trusted. */
    public static PluginTrust none() {
        return new PluginTrust(List.of(), List.of());
    }

    /**
     * The trust folder as it is now; an absent folder trusts nobody.
     *
     * @throws IllegalStateException naming the file when a key or the pin list cannot be read
     */
    public static PluginTrust read(Path folder) {
        List<TrustedKey> keys = new ArrayList<>();
        List<PinnedJar> pins = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return none();
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path pem : files.filter(p -> p.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                PublicKey key = publicKey(Files.readString(pem, StandardCharsets.US_ASCII), pem.getFileName().toString());
                keys.add(new TrustedKey(keyId(key), pem.getFileName().toString(), key));
            }
            Path pinFile = folder.resolve(PINS_FILE);
            if (Files.isRegularFile(pinFile)) {
                for (String line : Files.readAllLines(pinFile, StandardCharsets.UTF_8)) {
                    parsePin(line).ifPresent(pins::add);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("The plugin trust folder " + folder + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return new PluginTrust(keys, pins);
    }

    private static Optional<PinnedJar> parsePin(String line) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
            return Optional.empty();
        }
        String[] parts = l.split("\\s+", 2);
        String hash = parts[0].toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hash).matches()) {
            throw new IllegalStateException(PINS_FILE + " has a line that is not a SHA-256 followed by a note");
        }
        return Optional.of(new PinnedJar(hash, parts.length > 1 ? parts[1].replaceFirst("^\\*", "") : ""));
    }

    /** Whether a jar with this SHA-256 (lower-case hex) is pinned. */
    public boolean pinned(String sha256) {
        return pins.stream().anyMatch(p -> p.sha256().equals(sha256));
    }

    /**
     * Adds an author's public key (PEM) to the trust folder as {@code <id>.pem}.
     *
     * @throws IllegalArgumentException when it is not an Ed25519 public key in PEM
     */
    public static TrustedKey addKey(Path folder, String pem) throws IOException {
        PublicKey key;
        try {
            key = publicKey(pem, "the key");
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        String id = keyId(key);
        String file = id + ".pem";
        Files.createDirectories(folder);
        writeAtomically(folder, file, pem(key));
        return new TrustedKey(id, file, key);
    }

    /** Pins one jar's SHA-256 in the trust folder; pinning a hash twice keeps one line. */
    public static PinnedJar pin(Path folder, String sha256, String note) throws IOException {
        String hash = sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hash).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in hex");
        }
        String cleanNote = note.replaceAll("[\\r\\n]", " ");
        Files.createDirectories(folder);
        Path file = folder.resolve(PINS_FILE);
        List<String> lines = new ArrayList<>(Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of(
                "# Plugin jars trusted by their SHA-256 (headroom plugins trust JAR); the text after the hash is a note."));
        lines.removeIf(l -> l.strip().toLowerCase(Locale.ROOT).startsWith(hash));
        lines.add(hash + "  " + cleanNote);
        writeAtomically(folder, PINS_FILE, String.join("\n", lines) + "\n");
        return new PinnedJar(hash, cleanNote);
    }

    private static void writeAtomically(Path folder, String name, String content) throws IOException {
        Path tmp = Files.createTempFile(folder, "." + name, ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The Ed25519 public key in a PEM text. */
    public static PublicKey publicKey(String pem, String name) {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The plugin key " + name + " is not an Ed25519 public key in PEM");
        }
    }

    /** A public key as PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The first 16 hex digits of the SHA-256 of the key's SubjectPublicKeyInfo, as receipts name their keys. */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
