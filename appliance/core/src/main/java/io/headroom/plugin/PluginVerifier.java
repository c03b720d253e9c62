package io.headroom.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Checks a plugin jar before anything of it is loaded, and copies it where it will be loaded
 * from, in one read: the bytes hashed and checked against the signature are the bytes written to
 * the private copy, so a jar swapped on disk after the check is not what runs.
 *
 * <p>A jar passes when its descriptor (manifest) has every field an operator needs, including
 * what kind of plugin it is, and, when signatures are required, when it carries a detached
 * Ed25519 signature ({@code <jar>.sig}, 64 raw bytes over the whole jar file) by a key of the
 * {@link PluginTrust trust folder} or its SHA-256 is pinned there.
 */
public final class PluginVerifier {

    /** What a plugin says of itself. */
    public record Descriptor(String id, String version, String requires, String licence, String provider, String description, String kind) {
    }

    /**
     * A jar that passed: its descriptor, its kind, the private copy to load, the SHA-256 of its
     * bytes, and why it is trusted, in words ({@code signed by key …}, {@code pinned by its SHA-256},
     * or {@code not checked: signatures are not required}).
     */
    public record Verified(Descriptor descriptor, PluginKind kind, Path copy, String sha256, String trust) {
    }

    /** A jar that must not be loaded, and why, in words for the operator. */
    public static final class Rejected extends Exception {
        private final transient Descriptor descriptor;

        public Rejected(String message) {
            this(message, null);
        }

        public Rejected(String message, Descriptor descriptor) {
            super(message);
            this.descriptor = descriptor;
        }

        /** What the jar said of itself, as far as it could be read; null when nothing could. */
        public Descriptor descriptor() {
            return descriptor;
        }
    }

    static final List<String> REQUIRED = List.of("Plugin-Id", "Plugin-Version", "Plugin-Requires", "Plugin-License", "Plugin-Kind");

    /** A signature file is 64 bytes; anything much bigger is not one. */
    private static final long MAX_SIGNATURE_FILE = 1024;

    private final boolean signatureRequired;
    private final Path trustFolder;

    private PluginVerifier(boolean signatureRequired, Path trustFolder) {
        this.signatureRequired = signatureRequired;
        this.trustFolder = trustFolder;
    }

    /**
     * As the operator configured it: signatures (or pins) from {@code trustFolder} required when
     * {@code required}. The folder is read afresh for each jar.
     */
    public static PluginVerifier of(boolean required, Path trustFolder) {
        return new PluginVerifier(required, trustFolder);
    }

    /** Descriptors checked, signatures not (tests, and operators who turned signatures off). */
    public static PluginVerifier descriptorsOnly() {
        return new PluginVerifier(false, null);
    }

    public boolean signatureRequired() {
        return signatureRequired;
    }

    /** The trust folder as it is now; nobody when there is none. */
    public PluginTrust trust() {
        return trustFolder == null ? PluginTrust.none() : PluginTrust.read(trustFolder);
    }

    /**
     * Copies {@code jar} into {@code staging} (a folder only this process writes) while hashing
     * and checking it, then checks the copy's descriptor. On any refusal nothing is left in
     * {@code staging}.
     */
    public Verified stage(Path jar, Path staging) throws Rejected {
        PluginTrust trust;
        try {
            trust = trust();
        } catch (IllegalStateException e) {
            throw new Rejected(e.getMessage());
        }
        Optional<byte[]> signature = signature(jar);
        Path copy = null;
        try {
            copy = Files.createTempFile(staging, "verified-", ".jar");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            List<Signature> checks = new ArrayList<>();
            if (signature.isPresent()) {
                for (PluginTrust.TrustedKey k : trust.keys()) {
                    Signature check = Signature.getInstance("Ed25519");
                    check.initVerify(k.key());
                    checks.add(check);
                }
            }
            try (InputStream in = Files.newInputStream(jar); OutputStream out = Files.newOutputStream(copy)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha256.update(buffer, 0, n);
                    for (Signature check : checks) {
                        check.update(buffer, 0, n);
                    }
                    out.write(buffer, 0, n);
                }
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            Descriptor d = descriptor(copy);
            String trustWords = trustWords(trust, signature, checks, hash);
            if (trustWords == null) {
                throw new Rejected(signature.isEmpty()
                        ? "it has no signature (" + jar.getFileName() + ".sig), its SHA-256 is not pinned, and signatures are required"
                        : "its signature is not by a trusted key and its SHA-256 is not pinned", d);
            }
            List<String> missing = missing(copy);
            if (!missing.isEmpty()) {
                throw new Rejected("its descriptor lacks " + String.join(", ", missing), d);
            }
            PluginKind kind = PluginKind.parse(d.kind()).orElseThrow(() -> new Rejected(
                    "its descriptor's Plugin-Kind is neither " + PluginKind.words(), d));
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("r--------"));
            Verified v = new Verified(d, kind, copy, hash, trustWords);
            copy = null;
            return v;
        } catch (IOException e) {
            throw new Rejected("it cannot be read or copied (" + e.getClass().getSimpleName() + ")");
        } catch (GeneralSecurityException e) {
            throw new Rejected("its signature cannot be checked: " + e.getClass().getSimpleName());
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // The staging folder is emptied at the next start.
                }
            }
        }
    }

    private String trustWords(PluginTrust trust, Optional<byte[]> signature, List<Signature> checks, String hash)
            throws GeneralSecurityException {
        if (signature.isPresent()) {
            for (int i = 0; i < checks.size(); i++) {
                if (checks.get(i).verify(signature.get())) {
                    return "signed by key " + trust.keys().get(i).id();
                }
            }
        }
        if (trust.pinned(hash)) {
            return "pinned by its SHA-256";
        }
        return signatureRequired ? null : "not checked: signatures are not required";
    }

    private static Optional<byte[]> signature(Path jar) {
        Path sig = jar.resolveSibling(jar.getFileName() + ".sig");
        try {
            if (!Files.isRegularFile(sig) || Files.size(sig) > MAX_SIGNATURE_FILE) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(sig));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Manifest manifest(Path jar) throws Rejected {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw new Rejected("it is not a readable jar");
        }
        if (manifest == null) {
            throw new Rejected("it has no plugin descriptor (META-INF/MANIFEST.MF)");
        }
        return manifest;
    }

    /** What {@code jar}'s manifest says, complete or not. */
    static Descriptor descriptor(Path jar) throws Rejected {
        Attributes a = manifest(jar).getMainAttributes();
        return new Descriptor(a.getValue("Plugin-Id"), a.getValue("Plugin-Version"), a.getValue("Plugin-Requires"),
                a.getValue("Plugin-License"), a.getValue("Plugin-Provider"), a.getValue("Plugin-Description"), a.getValue("Plugin-Kind"));
    }

    private static List<String> missing(Path jar) throws Rejected {
        Attributes a = manifest(jar).getMainAttributes();
        return REQUIRED.stream().filter(k -> a.getValue(k) == null || a.getValue(k).isBlank()).toList();
    }
}
