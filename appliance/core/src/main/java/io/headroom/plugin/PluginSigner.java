package io.headroom.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Signs the plugin jars a build ships ({@code <jar>.sig}, a detached Ed25519 signature over the
 * whole file) and writes the public key into the trust folder of the built installation. Run by
 * the build, not installed:
 *
 * <pre>
 * PluginSigner [--release-key=FILE] --throwaway=FILE --jars=DIR --trust=DIR [--public=FILE]
 * </pre>
 *
 * With a release key (PKCS#8 PEM, as {@code openssl genpkey -algorithm ed25519} writes it) that
 * key signs; otherwise a throwaway key kept at {@code --throwaway} (made on first use, owner
 * only) does, so a build from source runs with signatures required and nothing else to do.
 */
public final class PluginSigner {

    private static final String USAGE = "usage: PluginSigner [--release-key=FILE] --throwaway=FILE --jars=DIR --trust=DIR [--public=FILE]";

    private PluginSigner() {
    }

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> a = new java.util.HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException(USAGE);
            }
            a.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        if (!a.containsKey("throwaway") || !a.containsKey("jars") || !a.containsKey("trust")) {
            throw new IllegalArgumentException(USAGE);
        }
        String releaseKey = a.getOrDefault("release-key", "");
        // Maven passes an unset property through as its own name.
        boolean release = !releaseKey.isBlank() && !releaseKey.startsWith("${");
        KeyPair key = release ? readPrivate(Path.of(releaseKey)) : throwaway(Path.of(a.get("throwaway")));
        Path jars = Path.of(a.get("jars"));
        Path trust = Path.of(a.get("trust"));
        List<Path> signed = signAll(key.getPrivate(), jars);
        // The built installation trusts exactly the key that signed it: a throwaway key of an
        // earlier build must not stay trusted beside a release key.
        if (Files.isDirectory(trust)) {
            try (Stream<Path> old = Files.list(trust)) {
                for (Path pem : old.filter(p -> p.getFileName().toString().endsWith(".pem")).toList()) {
                    Files.delete(pem);
                }
            }
        }
        PluginTrust.TrustedKey trusted = PluginTrust.addKey(trust, PluginTrust.pem(key.getPublic()));
        if (a.containsKey("public")) {
            Files.writeString(Path.of(a.get("public")), PluginTrust.pem(key.getPublic()), StandardCharsets.US_ASCII);
        }
        System.out.println("Signed " + signed.size() + " plugin jars in " + jars + " with " + (release ? "the release key " : "the build's throwaway key ")
                + trusted.id() + "; trusted in " + trust);
    }

    /** Signs every jar of {@code folder}. */
    public static List<Path> signAll(PrivateKey key, Path folder) throws IOException, GeneralSecurityException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            Files.write(jar.resolveSibling(jar.getFileName() + ".sig"), sign(key, jar));
        }
        return jars;
    }

    /** The Ed25519 signature of the whole file. */
    public static byte[] sign(PrivateKey key, Path file) throws IOException, GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                s.update(buffer, 0, n);
            }
        }
        return s.sign();
    }

    private static KeyPair throwaway(Path file) throws IOException, GeneralSecurityException {
        if (Files.isRegularFile(file)) {
            return readPrivate(file);
        }
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".signing", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file);
        return pair;
    }

    /** An Ed25519 private key in PKCS#8 PEM (the 48-byte form openssl and the JDK write), and its public half. */
    static KeyPair readPrivate(Path file) throws IOException, GeneralSecurityException {
        byte[] der = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", ""));
        if (der.length != 48) {
            throw new GeneralSecurityException("The signing key " + file.getFileName() + " is not an Ed25519 private key in PKCS#8 PEM");
        }
        PrivateKey priv = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        // The JDK cannot derive an Ed25519 public key from the private one; BouncyCastle can.
        byte[] raw = new Ed25519PrivateKeyParameters(der, 16).generatePublicKey().getEncoded();
        byte[] spki = new byte[12 + 32];
        System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, spki, 0, 12);
        System.arraycopy(raw, 0, spki, 12, 32);
        PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        return new KeyPair(pub, priv);
    }
}
