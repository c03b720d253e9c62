package io.headroom.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Checks a plugin jar before anything of it is loaded: its descriptor (manifest) has every field an
 * operator needs, and, when the operator asks for it, a detached Ed25519 signature
 * ({@code <jar>.sig}, 64 raw bytes over the whole jar file) by one of the trusted keys.
 */
public final class PluginVerifier {

    /** What a plugin says of itself. */
    public record Descriptor(String id, String version, String requires, String licence, String provider, String description) {
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

    static final List<String> REQUIRED = List.of("Plugin-Id", "Plugin-Version", "Plugin-Requires", "Plugin-License");

    private final List<PublicKey> trusted;
    private final boolean signatureRequired;

    private PluginVerifier(List<PublicKey> trusted, boolean signatureRequired) {
        this.trusted = trusted;
        this.signatureRequired = signatureRequired;
    }

    /** As the operator configured it: signatures by a key in {@code trustedKeys} when {@code required}. */
    public static PluginVerifier of(boolean required, Path trustedKeys) {
        return required ? signaturesRequired(trustedKeys) : descriptorsOnly();
    }

    /** Descriptors checked, signatures not. */
    public static PluginVerifier descriptorsOnly() {
        return new PluginVerifier(List.of(), false);
    }

    /**
     * Signatures required, by one of the Ed25519 public keys (PEM, {@code *.pem}) in {@code keysFolder}.
     *
     * @throws IllegalStateException when the folder holds no usable key: the operator asked for
     *                               signatures, so nothing could load
     */
    public static PluginVerifier signaturesRequired(Path keysFolder) {
        List<PublicKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.isDirectory(keysFolder) ? Files.list(keysFolder) : Stream.empty()) {
            for (Path pem : files.filter(p -> p.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                keys.add(readPublicKey(Files.readString(pem, StandardCharsets.US_ASCII), pem.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("The trusted plugin keys in " + keysFolder + " cannot be read", e);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("Plugin signatures are required, but " + keysFolder + " holds no trusted key (*.pem)");
        }
        return new PluginVerifier(List.copyOf(keys), true);
    }

    static PublicKey readPublicKey(String pem, String name) {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The trusted plugin key " + name + " is not an Ed25519 public key in PEM");
        }
    }

    public boolean signatureRequired() {
        return signatureRequired;
    }

    /** Checks {@code jar}; returns its descriptor. */
    public Descriptor verify(Path jar) throws Rejected {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw new Rejected("it is not a readable jar");
        }
        if (manifest == null) {
            throw new Rejected("it has no plugin descriptor (META-INF/MANIFEST.MF)");
        }
        Attributes a = manifest.getMainAttributes();
        Descriptor d = new Descriptor(a.getValue("Plugin-Id"), a.getValue("Plugin-Version"), a.getValue("Plugin-Requires"),
                a.getValue("Plugin-License"), a.getValue("Plugin-Provider"), a.getValue("Plugin-Description"));
        List<String> missing = REQUIRED.stream().filter(k -> a.getValue(k) == null || a.getValue(k).isBlank()).toList();
        if (!missing.isEmpty()) {
            throw new Rejected("its descriptor lacks " + String.join(", ", missing), d);
        }
        if (signatureRequired) {
            try {
                checkSignature(jar);
            } catch (Rejected r) {
                throw new Rejected(r.getMessage(), d);
            }
        }
        return d;
    }

    private void checkSignature(Path jar) throws Rejected {
        Path sig = jar.resolveSibling(jar.getFileName() + ".sig");
        byte[] signature;
        try {
            signature = Files.readAllBytes(sig);
        } catch (IOException e) {
            throw new Rejected("it has no signature (" + sig.getFileName() + ") and signatures are required");
        }
        try {
            for (PublicKey key : trusted) {
                Signature check = Signature.getInstance("Ed25519");
                check.initVerify(key);
                try (InputStream in = Files.newInputStream(jar)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        check.update(buffer, 0, n);
                    }
                }
                if (check.verify(signature)) {
                    return;
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new Rejected("its signature cannot be checked: " + e.getClass().getSimpleName());
        }
        throw new Rejected("its signature is not by a trusted key");
    }
}
