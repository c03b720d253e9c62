package io.headroom.receipt;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Signs receipts with Ed25519. The private key is a 32-byte seed kept in the keys directory (never
 * the data directory); the public key is published as PEM so anyone can check a receipt.
 */
public final class ReceiptSigner {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final PrivateKey privateKey;
    private final byte[] publicKeyDer;

    /** @param seed the 32-byte private key seed */
    public ReceiptSigner(byte[] seed) {
        if (seed.length < 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        byte[] s = java.util.Arrays.copyOf(seed, 32);
        try {
            privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, s));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JVM", e);
        }
        byte[] raw = new Ed25519PrivateKeyParameters(s, 0).generatePublicKey().getEncoded();
        java.util.Arrays.fill(s, (byte) 0);
        publicKeyDer = new byte[SPKI_PREFIX.length + raw.length];
        System.arraycopy(SPKI_PREFIX, 0, publicKeyDer, 0, SPKI_PREFIX.length);
        System.arraycopy(raw, 0, publicKeyDer, SPKI_PREFIX.length, raw.length);
    }

    public byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /**
     * The key's id as receipts name it ({@code signingKey}): the first 16 hex digits of the SHA-256
     * of its DER encoding, so anyone can compute it from the published key.
     */
    public String keyId() {
        return keyId(publicKeyDer);
    }

    /** The id of a PEM public key, as {@link #keyId()} gives it for a signer. */
    public static String keyId(PublicKey key) {
        return keyId(key.getEncoded());
    }

    private static String keyId(byte[] der) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}), as openssl reads it. */
    public String publicKeyPem() {
        return pem(publicKeyDer);
    }

    static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
    }

    /** Reads a PEM public key (as served at {@code /api/receipts/key}). */
    public static PublicKey publicKey(String pem) {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in PEM form", e);
        }
    }
}
