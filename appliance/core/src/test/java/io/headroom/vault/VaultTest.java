package io.headroom.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VaultTest {

    private static final int SEGMENT = 1024;
    private final Vault vault = new Vault(new SecureRandom(), SEGMENT);
    private final DataKey key = DataKey.generate(new SecureRandom());
    private final BlobAddress address = new BlobAddress("session-a", "blob-1");

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private byte[] seal(byte[] plain, BlobAddress where) throws IOException {
        try (InputStream s = vault.seal(new ByteArrayInputStream(plain), key, "k1", where)) {
            return s.readAllBytes();
        }
    }

    private byte[] open(byte[] sealed, DataKey k, BlobAddress where) throws IOException {
        try (InputStream s = vault.open(new ByteArrayInputStream(sealed), k, "k1", where)) {
            return s.readAllBytes();
        }
    }

    @Test
    void roundTripsEverySizeAroundSegmentBoundaries() throws IOException {
        for (int size : new int[] {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT, 3 * SEGMENT + 7, 100_000}) {
            byte[] plain = random(size);
            byte[] sealed = seal(plain, address);
            assertArrayEquals(plain, open(sealed, key, address), "size " + size);
        }
    }

    @Test
    void sealedBytesRevealNothingOfThePlaintext() throws IOException {
        byte[] plain = new byte[10 * SEGMENT]; // all zeros: any leak would show as runs
        byte[] sealed = seal(plain, address);
        byte[] run = new byte[64];
        for (int i = 0; i + 64 <= sealed.length; i++) {
            assertFalse(Arrays.equals(sealed, i, i + 64, run, 0, 64), "plaintext run at " + i);
        }
        assertFalse(Arrays.equals(seal(plain, address), sealed), "a fresh nonce prefix per blob");
    }

    @Test
    void readingStreamsOneSegmentAtATime() throws IOException {
        byte[] plain = random(5 * SEGMENT);
        try (InputStream s = vault.open(new ByteArrayInputStream(seal(plain, address)), key, "k1", address)) {
            byte[] first = new byte[10];
            assertTrue(s.read(first) > 0);
            assertArrayEquals(Arrays.copyOf(plain, 10), first);
        }
    }

    @Test
    void aFlippedByteAnywhereFailsIntegrity() throws IOException {
        byte[] sealed = seal(random(3 * SEGMENT + 100), address);
        for (int pos : new int[] {0, 5, 20, 40, SEGMENT, 2 * SEGMENT + 30, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[pos] ^= 0x01;
            assertThrows(IntegrityException.class, () -> open(tampered, key, address), "flip at " + pos);
        }
    }

    @Test
    void cuttingTheBlobShortFailsEvenAtASegmentBoundary() throws IOException {
        byte[] plain = random(3 * SEGMENT + 100);
        byte[] sealed = seal(plain, address);
        int header = sealed.length - (3 * (SEGMENT + 16) + 100 + 16);
        for (int cut : new int[] {header + SEGMENT + 16, header + 2 * (SEGMENT + 16), sealed.length - 1, header + 3, 10, header}) {
            byte[] truncated = Arrays.copyOf(sealed, cut);
            assertThrows(IntegrityException.class, () -> open(truncated, key, address), "cut at " + cut);
        }
    }

    @Test
    void swappedOrAppendedSegmentsFail() throws IOException {
        byte[] sealed = seal(random(4 * SEGMENT), address);
        int header = sealed.length - 4 * (SEGMENT + 16) - 16;
        int s = SEGMENT + 16;
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, header, swapped, header + s, s);
        System.arraycopy(sealed, header + s, swapped, header, s);
        assertThrows(IntegrityException.class, () -> open(swapped, key, address));
        byte[] appended = Arrays.copyOf(sealed, sealed.length + s);
        System.arraycopy(sealed, header, appended, sealed.length, s);
        assertThrows(IntegrityException.class, () -> open(appended, key, address));
    }

    @Test
    void aBlobDoesNotOpenAsAnotherBlobOrInAnotherSessionOrWithAnotherKey() throws IOException {
        byte[] sealed = seal(random(2000), address);
        assertThrows(IntegrityException.class, () -> open(sealed, key, new BlobAddress("session-a", "blob-2")));
        assertThrows(IntegrityException.class, () -> open(sealed, key, new BlobAddress("session-b", "blob-1")));
        assertThrows(IntegrityException.class, () -> open(sealed, DataKey.generate(new SecureRandom()), address));
        assertThrows(IntegrityException.class,
                () -> vault.open(new ByteArrayInputStream(sealed), key, "another-key", address));
    }

    @Test
    void destroyedKeysCannotBeUsed() {
        DataKey k = DataKey.generate(new SecureRandom());
        k.destroy();
        assertTrue(k.isDestroyed());
        assertThrows(IllegalStateException.class, k::getEncoded);
        assertFalse(k.toString().contains("["+ "0"));
    }
}
