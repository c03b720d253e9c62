package io.headroom.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SniffedFormatTest {

    @Test
    void decidesFromMagicBytes() {
        assertEquals(SniffedFormat.JPEG, SniffedFormat.of(TestPhotos.bytes("lisa_webcam_01.jpg")));
        assertEquals(SniffedFormat.PNG, SniffedFormat.of(TestPhotos.bytes("lisa_webcam_03_INJECTED_gps.png")));
        assertEquals(SniffedFormat.WEBP, SniffedFormat.of(TestPhotos.bytes("london_005_smiling_INJECTED_gps.webp")));
        assertEquals(SniffedFormat.HEIF, SniffedFormat.of(TestPhotos.bytes("lisa_webcam_04_INJECTED_gps.heic")));
        assertEquals(SniffedFormat.UNKNOWN, SniffedFormat.of(new byte[0]));
        assertEquals(SniffedFormat.UNKNOWN, SniffedFormat.of("GIF89a......".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(SniffedFormat.UNKNOWN, SniffedFormat.of(new byte[] {(byte) 0xFF, (byte) 0xD8}));
    }
}
