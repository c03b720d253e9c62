package io.headroom.vault;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/** One AES-GCM cipher, re-initialised per segment with that segment's nonce and the blob's AAD. */
final class SegmentCipher {

    private final Cipher cipher;
    private final DataKey key;
    private final SealedFormat.Header header;
    private final byte[] aad;
    private final byte[] nonce = new byte[12];

    SegmentCipher(DataKey key, SealedFormat.Header header, BlobAddress address) {
        this.key = key;
        this.header = header;
        this.aad = SealedFormat.aad(header, address);
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Encrypts {@code length} bytes of {@code in} into {@code out}; returns the bytes written (length + tag). */
    int seal(long index, boolean last, byte[] in, int length, byte[] out) throws VaultException {
        try {
            init(Cipher.ENCRYPT_MODE, index, last);
            return cipher.doFinal(in, 0, length, out, 0);
        } catch (GeneralSecurityException e) {
            throw new VaultException("sealing failed", e);
        }
    }

    /** Decrypts and authenticates one segment; returns the plaintext length. */
    int open(long index, boolean last, byte[] in, int length, byte[] out) throws VaultException {
        if (length < SealedFormat.TAG_BYTES) {
            throw new IntegrityException("sealed blob cut short");
        }
        try {
            init(Cipher.DECRYPT_MODE, index, last);
            return cipher.doFinal(in, 0, length, out, 0);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IntegrityException("sealed blob failed its integrity check (altered, cut short, reordered or misplaced)");
        } catch (GeneralSecurityException e) {
            throw new VaultException("opening failed", e);
        }
    }

    private void init(int mode, long index, boolean last) throws GeneralSecurityException {
        SealedFormat.nonce(header.noncePrefix(), index, last, nonce);
        cipher.init(mode, key, new GCMParameterSpec(SealedFormat.TAG_BITS, nonce));
        cipher.updateAAD(aad);
    }
}
