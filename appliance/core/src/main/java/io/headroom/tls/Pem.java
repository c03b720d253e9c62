package io.headroom.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** Certificates and private keys in PEM, as operators have them from their certificate authority. */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private Pem() {
    }

    /** Every certificate of a PEM text, leaf first as written. */
    public static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        List<X509Certificate> chain = new ArrayList<>();
        CertificateFactory f = CertificateFactory.getInstance("X.509");
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals("CERTIFICATE")) {
                chain.add((X509Certificate) f.generateCertificate(new ByteArrayInputStream(decode(m.group(2)))));
            }
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no certificate (-----BEGIN CERTIFICATE-----) in it");
        }
        return chain;
    }

    /** The private key of a PEM text: PKCS#8 ({@code PRIVATE KEY}), SEC1 ({@code EC PRIVATE KEY}) or PKCS#1 ({@code RSA PRIVATE KEY}). */
    public static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            byte[] der = decode(m.group(2));
            try {
                switch (m.group(1)) {
                    case "PRIVATE KEY" -> {
                        return pkcs8(der);
                    }
                    case "EC PRIVATE KEY" -> {
                        ECPrivateKey ec = ECPrivateKey.getInstance(der);
                        return pkcs8(new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, ec.getParametersObject()), ec)
                                .getEncoded(ASN1Encoding.DER));
                    }
                    case "RSA PRIVATE KEY" -> {
                        return pkcs8(new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                                RSAPrivateKey.getInstance(der)).getEncoded(ASN1Encoding.DER));
                    }
                    default -> {
                        // Not a key block (a certificate in the same file): look further.
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new GeneralSecurityException("the private key cannot be read");
            }
        }
        throw new GeneralSecurityException("no unencrypted private key (-----BEGIN PRIVATE KEY-----) in it");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        String algorithm = PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)
                ? "RSA" : "EC";
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** A certificate as PEM. */
    public static String pem(Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static byte[] decode(String body) {
        return Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
    }
}
