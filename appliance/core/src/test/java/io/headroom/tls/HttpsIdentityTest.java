package io.headroom.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsIdentityTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path keys;

    private static HttpsSettings settings(int port, List<String> names) {
        return new HttpsSettings(port, "0.0.0.0", Optional.empty(), Optional.empty(), names);
    }

    @Test
    void theApplianceMakesItsOwnCertificateOnceForItsAddressesLocalhostAndTheConfiguredNames() throws Exception {
        HttpsIdentity.Prepared first = HttpsIdentity.prepare(keys, settings(8443, List.of("studio.lan", "10.9.8.7")), NOW, random);
        assertTrue(first.https() && first.selfMade());
        assertTrue(first.names().containsAll(List.of("studio.lan", "localhost", "127.0.0.1", "10.9.8.7")), first.names().toString());
        X509Certificate cert = HttpsIdentity.leaf(keys).orElseThrow();
        assertEquals("EC", cert.getPublicKey().getAlgorithm());
        assertEquals(-1, cert.getBasicConstraints(), "a server certificate, not a CA");
        cert.verify(cert.getPublicKey());
        assertEquals(first.fingerprint(), HttpsIdentity.fingerprint(cert));
        assertTrue(first.fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), first.fingerprint());

        HttpsIdentity.Prepared again = HttpsIdentity.prepare(keys, settings(8443, List.of()), NOW.plusSeconds(60), random);
        assertEquals(first.fingerprint(), again.fingerprint(), "made once, kept across starts");

        Path tls = HttpsIdentity.folder(keys);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls)));
        for (String secret : List.of(HttpsIdentity.KEYSTORE, HttpsIdentity.PASSWORD, HttpsIdentity.SYSTEM_PROPERTIES)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve(secret))), secret);
        }
        Properties payara = new Properties();
        try (InputStream in = Files.newInputStream(tls.resolve(HttpsIdentity.SYSTEM_PROPERTIES))) {
            payara.load(in);
        }
        assertEquals(tls.resolve(HttpsIdentity.KEYSTORE).toAbsolutePath().toString(), payara.getProperty("javax.net.ssl.keyStore"));
        assertEquals(Files.readString(tls.resolve(HttpsIdentity.PASSWORD)).strip(), payara.getProperty("javax.net.ssl.keyStorePassword"));
        String preboot = Files.readString(tls.resolve(HttpsIdentity.PREBOOT));
        assertTrue(preboot.contains("http-listener.address=127.0.0.1") && preboot.contains("https-listener.port=8443")
                && preboot.contains("https-listener.enabled=true"), preboot);
    }

    @Test
    void aClientTrustingTheCertificateReachesTheListenerByAddressAndByLocalhost() throws Exception {
        HttpsIdentity.prepare(keys, settings(8443, List.of()), Instant.now(), random);
        Path tls = HttpsIdentity.folder(keys);
        char[] password = Files.readString(tls.resolve(HttpsIdentity.PASSWORD)).strip().toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.resolve(HttpsIdentity.KEYSTORE))) {
            ks.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, random);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(server));
        https.createContext("/", exchange -> {
            byte[] body = "hello".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        https.start();
        try {
            // The client trusts exactly the PEM the appliance wrote (as curl --cacert would) and checks the name.
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(tls.resolve(HttpsIdentity.CERTIFICATE))) {
                trust.setCertificateEntry("appliance", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), random);
            HttpClient http = HttpClient.newBuilder().sslContext(client).build();
            for (String host : List.of("127.0.0.1", "localhost")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("https://" + host + ":" + https.getAddress().getPort() + "/"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals("hello", r.body(), host);
            }
        } finally {
            https.stop(0);
        }
    }

    @Test
    void theOperatorsCertificateAndKeyAreUsedAsGivenAtEveryStart() throws Exception {
        KeyPair key = SelfSignedCertificate.newKey(random);
        X509Certificate own = SelfSignedCertificate.make(key, "photos.studio.example", List.of("photos.studio.example"), List.of(),
                NOW, NOW.plusSeconds(86400 * 90), random);
        Path chain = Files.writeString(keys.resolve("chain.pem"), Pem.pem(own));
        Path pkcs8 = Files.writeString(keys.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        HttpsSettings operator = new HttpsSettings(9443, "192.168.1.20", Optional.of(chain), Optional.of(pkcs8), List.of());
        HttpsIdentity.Prepared p = HttpsIdentity.prepare(keys, operator, NOW, random);
        assertFalse(p.selfMade());
        assertEquals(HttpsIdentity.fingerprint(own), p.fingerprint());
        assertTrue(Files.readString(HttpsIdentity.folder(keys).resolve(HttpsIdentity.PREBOOT)).contains("https-listener.address=192.168.1.20"));

        // A renewed certificate takes effect at the next start.
        X509Certificate renewed = SelfSignedCertificate.make(key, "photos.studio.example", List.of("photos.studio.example"), List.of(),
                NOW, NOW.plusSeconds(86400 * 180), random);
        Files.writeString(chain, Pem.pem(renewed));
        assertEquals(HttpsIdentity.fingerprint(renewed), HttpsIdentity.prepare(keys, operator, NOW, random).fingerprint());
        assertNotEquals(HttpsIdentity.fingerprint(own), HttpsIdentity.fingerprint(renewed));
    }

    @Test
    void withoutHttpsOnlyTheLoopbackBindingIsWritten() throws Exception {
        HttpsIdentity.Prepared off = HttpsIdentity.prepare(keys, settings(0, List.of()), NOW, random);
        assertFalse(off.https());
        Path tls = HttpsIdentity.folder(keys);
        assertEquals("set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n",
                Files.readString(tls.resolve(HttpsIdentity.PREBOOT)));
        assertFalse(Files.exists(tls.resolve(HttpsIdentity.SYSTEM_PROPERTIES)));
    }

    @Test
    void aCertificateWithoutItsKeyOrAKeyFileWithoutAKeyIsRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new HttpsSettings(8443, "0.0.0.0", Optional.of(keys.resolve("c.pem")), Optional.empty(), List.of()));
        KeyPair key = SelfSignedCertificate.newKey(random);
        X509Certificate own = SelfSignedCertificate.make(key, "x", List.of("x"), List.of(), NOW, NOW.plusSeconds(60), random);
        Path chain = Files.writeString(keys.resolve("chain.pem"), Pem.pem(own));
        Path notAKey = Files.writeString(keys.resolve("key.pem"), Pem.pem(own));
        java.security.GeneralSecurityException e = assertThrows(java.security.GeneralSecurityException.class, () -> HttpsIdentity.prepare(keys,
                new HttpsSettings(8443, "0.0.0.0", Optional.of(chain), Optional.of(notAKey), List.of()), NOW, random));
        assertTrue(e.getMessage().contains("no unencrypted private key"), e.getMessage());
    }
}
