package io.headroom.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * The installed appliance serves the LAN over HTTPS with a certificate it made for itself, and
 * plain HTTP only on loopback: the fingerprint {@code bin/headroom tls fingerprint} prints is the
 * one served, every HTTPS answer carries HSTS, and the plain port cannot be reached from the LAN
 * address while the HTTPS one can.
 */
class HttpsIT {

    @Test
    void theLanGetsHttpsWithTheFingerprintTheOperatorReadsAndPlainHttpStaysOnLoopback() throws Exception {
        InstalledAppliance appliance = new InstalledAppliance("https");
        appliance.start(appliance.serveCommand(), appliance::healthy);
        try {
            InstalledAppliance.Result printed = InstalledAppliance.run(List.of(appliance.bin(), "tls", "fingerprint",
                    "--keys", appliance.keys.toString()), null, appliance.root);
            assertEquals(0, printed.exit(), printed.output());
            String fingerprint = printed.output().strip().replaceFirst("^SHA-256 ", "");
            assertTrue(appliance.log().contains(fingerprint), "start-up names the certificate's fingerprint:\n" + appliance.log());

            // A client that trusts exactly the appliance's certificate (as a phone that accepted it does).
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            X509Certificate cert;
            try (InputStream in = Files.newInputStream(appliance.keys.resolve("tls/https.crt"))) {
                cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            trust.setCertificateEntry("appliance", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(tls).build();

            HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + appliance.httpsPort + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertEquals(Optional.of("max-age=31536000"), health.headers().firstValue("Strict-Transport-Security"));
            HttpResponse<String> page = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + appliance.httpsPort + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            // The certificate served is the one whose fingerprint the operator reads.
            try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", appliance.httpsPort)) {
                s.startHandshake();
                byte[] served = s.getSession().getPeerCertificates()[0].getEncoded();
                assertEquals(fingerprint, colonHex(MessageDigest.getInstance("SHA-256").digest(served)));
            }
            // Plain HTTP answers on loopback and nowhere else.
            HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + appliance.port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, plain.statusCode());
            assertFalse(plain.headers().firstValue("Strict-Transport-Security").isPresent(), "no HSTS over plain HTTP");
            Optional<InetAddress> lan = lanAddress();
            if (lan.isPresent()) {
                assertFalse(reachable(lan.get(), appliance.port), "plain HTTP must not answer on " + lan.get().getHostAddress());
                assertTrue(reachable(lan.get(), appliance.httpsPort), "HTTPS answers on " + lan.get().getHostAddress());
                assertTrue(cert.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals(lan.get().getHostAddress())),
                        "the certificate names the LAN address: " + cert.getSubjectAlternativeNames());
            }
        } finally {
            appliance.stop();
        }
    }

    private static boolean reachable(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** An IPv4 address of this machine that is not loopback, if it has one. */
    private static Optional<InetAddress> lanAddress() throws Exception {
        return NetworkInterface.networkInterfaces().filter(ni -> {
            try {
                return ni.isUp() && !ni.isLoopback();
            } catch (java.net.SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
    }

    private static String colonHex(byte[] digest) {
        String hex = HexFormat.of().withUpperCase().formatHex(digest);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            b.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return b.toString();
    }
}
