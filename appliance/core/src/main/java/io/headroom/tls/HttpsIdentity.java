package io.headroom.tls;

import io.headroom.security.KeyFileReplacement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The appliance's HTTPS identity in the keys directory ({@code tls/}), and the listener settings
 * handed to Payara Micro before it boots: the certificate and key in a PKCS#12 keystore under a
 * random password, the certificate in PEM ({@code https.crt}, for operators and {@code curl
 * --cacert}), a system-properties file naming the keystore (read by Payara, never on a command
 * line where {@code ps} would show the password) and a pre-boot command file that binds the plain
 * HTTP listener to loopback and the HTTPS one where configured.
 *
 * <p>With the operator's certificate and key (PEM) the keystore is made from them at every start,
 * so a renewed certificate takes effect on restart. Otherwise the appliance makes its own
 * certificate once (ECDSA P-256, ten years) for the network interfaces' addresses, {@code
 * localhost} and {@code headroom.https.names}; delete {@code tls/} to make a new one.
 */
public final class HttpsIdentity {

    /** The keystore alias of the listener's certificate. */
    public static final String ALIAS = "headroom";
    static final String KEYSTORE = "https.p12";
    static final String PASSWORD = "https.pass";
    static final String CERTIFICATE = "https.crt";
    static final String SYSTEM_PROPERTIES = "payara.properties";
    static final String PREBOOT = "preboot.asadmin";
    private static final Duration SELF_MADE_VALIDITY = Duration.ofDays(3650);
    private static final String LISTENERS = "configs.config.server-config.network-config.network-listeners.network-listener.";

    /** What a start will serve: HTTPS off, or on a port with a certificate of this fingerprint. */
    public record Prepared(boolean https, int port, String fingerprint, List<String> names, boolean selfMade) {
    }

    private HttpsIdentity() {
    }

    /** The folder of the HTTPS identity inside the keys directory. */
    public static Path folder(Path keys) {
        return keys.resolve("tls");
    }

    /**
     * Makes or refreshes the identity and writes Payara's files; called by the launcher before
     * every start.
     */
    public static Prepared prepare(Path keys, HttpsSettings settings, Instant now, SecureRandom random) throws IOException, GeneralSecurityException {
        Path dir = folder(keys);
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        if (!settings.enabled()) {
            Files.deleteIfExists(dir.resolve(SYSTEM_PROPERTIES));
            writePrivate(dir.resolve(PREBOOT), preboot(settings));
            return new Prepared(false, 0, null, List.of(), false);
        }
        boolean selfMade = settings.certificate().isEmpty();
        if (!selfMade) {
            List<X509Certificate> chain = Pem.certificates(Files.readString(settings.certificate().get(), StandardCharsets.US_ASCII));
            PrivateKey key = Pem.privateKey(Files.readString(settings.key().get(), StandardCharsets.US_ASCII));
            store(dir, key, chain, random);
        } else if (!Files.isRegularFile(dir.resolve(KEYSTORE)) || !Files.isRegularFile(dir.resolve(PASSWORD))) {
            List<String> dnsNames = new ArrayList<>(new LinkedHashSet<>(concat(settings.names().stream()
                    .filter(n -> !looksLikeAddress(n)).toList(), List.of("localhost"))));
            List<InetAddress> addresses = interfaceAddresses();
            for (String n : settings.names()) {
                if (looksLikeAddress(n)) {
                    addresses.add(InetAddress.getByName(n));
                }
            }
            KeyPair key = SelfSignedCertificate.newKey(random);
            X509Certificate cert = SelfSignedCertificate.make(key, dnsNames.get(0), dnsNames, addresses, now.minus(Duration.ofDays(1)),
                    now.plus(SELF_MADE_VALIDITY), random);
            store(dir, key.getPrivate(), List.of(cert), random);
        }
        X509Certificate leaf = leaf(keys).orElseThrow(() -> new GeneralSecurityException("the HTTPS keystore holds no certificate"));
        String password = Files.readString(dir.resolve(PASSWORD), StandardCharsets.US_ASCII).strip();
        writePrivate(dir.resolve(SYSTEM_PROPERTIES), "# Written by headroom at each start: the HTTPS listener's keystore.\n"
                + "javax.net.ssl.keyStore=" + escape(dir.resolve(KEYSTORE).toAbsolutePath().toString()) + "\n"
                + "javax.net.ssl.keyStorePassword=" + escape(password) + "\n"
                + "javax.net.ssl.keyStoreType=PKCS12\n");
        writePrivate(dir.resolve(PREBOOT), preboot(settings));
        return new Prepared(true, settings.port(), fingerprint(leaf), names(leaf), selfMade);
    }

    /** The asadmin commands Payara runs before it boots: where each listener listens. */
    static String preboot(HttpsSettings settings) {
        StringBuilder b = new StringBuilder();
        // Plain HTTP only for this machine (scripts, tests, a local reverse proxy): the LAN gets HTTPS.
        b.append("set ").append(LISTENERS).append("http-listener.address=127.0.0.1\n");
        if (settings.enabled()) {
            b.append("set ").append(LISTENERS).append("https-listener.enabled=true\n");
            b.append("set ").append(LISTENERS).append("https-listener.port=").append(settings.port()).append('\n');
            b.append("set ").append(LISTENERS).append("https-listener.address=").append(settings.bind()).append('\n');
            b.append("set configs.config.server-config.network-config.protocols.protocol.https-listener.ssl.cert-nickname=").append(ALIAS).append('\n');
        }
        return b.toString();
    }

    private static void store(Path dir, PrivateKey key, List<X509Certificate> chain, SecureRandom random) throws IOException, GeneralSecurityException {
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, key, password.toCharArray(), chain.toArray(Certificate[]::new));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, password.toCharArray());
        KeyFileReplacement.replace(dir.resolve(KEYSTORE), out.toByteArray());
        KeyFileReplacement.replace(dir.resolve(PASSWORD), password.getBytes(StandardCharsets.US_ASCII));
        Files.writeString(dir.resolve(CERTIFICATE), Pem.pem(chain.get(0)), StandardCharsets.US_ASCII);
    }

    /** The listener's certificate, when there is one. */
    public static Optional<X509Certificate> leaf(Path keys) throws IOException, GeneralSecurityException {
        Path dir = folder(keys);
        if (!Files.isRegularFile(dir.resolve(KEYSTORE)) || !Files.isRegularFile(dir.resolve(PASSWORD))) {
            return Optional.empty();
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(KEYSTORE))) {
            ks.load(in, Files.readString(dir.resolve(PASSWORD), StandardCharsets.US_ASCII).strip().toCharArray());
        }
        return Optional.ofNullable((X509Certificate) ks.getCertificate(ALIAS));
    }

    /** SHA-256 of the certificate's DER, upper-case hex in pairs joined by colons, as browsers show it. */
    public static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
        String hex = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            b.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return b.toString();
    }

    /** The subject alternative names of a certificate, as text. */
    static List<String> names(X509Certificate certificate) throws GeneralSecurityException {
        List<String> names = new ArrayList<>();
        if (certificate.getSubjectAlternativeNames() != null) {
            certificate.getSubjectAlternativeNames().forEach(n -> names.add(String.valueOf(n.get(1))));
        }
        return names;
    }

    /** Every address of every interface that is up, link-local IPv6 left out (it needs a zone a browser cannot type). */
    static List<InetAddress> interfaceAddresses() throws SocketException {
        Set<InetAddress> found = new LinkedHashSet<>();
        for (NetworkInterface ni : NetworkInterface.networkInterfaces().toList()) {
            if (!ni.isUp()) {
                continue;
            }
            ni.inetAddresses().filter(a -> !(a.isLinkLocalAddress() && a.getAddress().length == 16))
                    .map(a -> {
                        try {
                            // Without the interface's zone: an address as a certificate holds it.
                            return InetAddress.getByAddress(a.getAddress());
                        } catch (java.net.UnknownHostException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .forEach(found::add);
        }
        return new ArrayList<>(found);
    }

    /** An IPv4 or IPv6 literal: parsed without any name lookup. */
    static boolean looksLikeAddress(String name) {
        return name.matches("[0-9.]+") || name.contains(":");
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void writePrivate(Path file, String content) throws IOException {
        KeyFileReplacement.replace(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String value) {
        // java.util.Properties syntax: a backslash in a value must be doubled.
        return value.replace("\\", "\\\\");
    }
}
