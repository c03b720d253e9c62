package io.headroom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void parsesBinaryDecimalAndPlainNumbers() {
        assertEquals(1L << 30, ByteSize.parse("1GiB").bytes());
        assertEquals(1_000_000_000L, ByteSize.parse("1GB").bytes());
        assertEquals(512L << 20, ByteSize.parse(" 512 mib ").bytes());
        assertEquals(1048576L, ByteSize.parse("1048576").bytes());
        assertEquals(5L, ByteSize.parse("5B").bytes());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("lots"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("-1GB"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("1.5GB"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(null));
        assertThrows(ArithmeticException.class, () -> ByteSize.parse("999999999999999TiB"));
    }
}
