package io.headroom.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CubeLutTest {

    /** A 3D .cube text whose entry at (r, g, b) is {@code f} of it. */
    static String cube(int n, UnaryOperator<float[]> f) {
        StringBuilder s = new StringBuilder("# test\nTITLE \"generated\"\nLUT_3D_SIZE " + n + "\n");
        for (int b = 0; b < n; b++) {
            for (int g = 0; g < n; g++) {
                for (int r = 0; r < n; r++) {
                    float[] v = f.apply(new float[] {r / (n - 1f), g / (n - 1f), b / (n - 1f)});
                    s.append(v[0]).append(' ').append(v[1]).append(' ').append(v[2]).append('\n');
                }
            }
        }
        return s.toString();
    }

    private static CubeLut lut(String text) throws IOException {
        return CubeLut.parse(new StringReader(text));
    }

    @Test
    void anIdentityTableLeavesEveryColourAlone() throws IOException {
        CubeLut identity = lut(cube(17, v -> v));
        assertEquals(17, identity.size());
        assertEquals("generated", identity.title());
        int[] px = new int[2000];
        Random random = new Random(1);
        for (int i = 0; i < px.length; i++) {
            px[i] = random.nextInt(0x1000000);
        }
        int[] out = px.clone();
        identity.apply(out, 1.0);
        for (int i = 0; i < px.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                assertTrue(Math.abs(((px[i] >> shift) & 0xFF) - ((out[i] >> shift) & 0xFF)) <= 1);
            }
        }
    }

    @Test
    void tablesAreAppliedAndInterpolated() throws IOException {
        CubeLut invert = lut(cube(9, v -> new float[] {1 - v[0], 1 - v[1], 1 - v[2]}));
        int[] px = {0x000000, 0xFFFFFF, 0x336699, 0x808080};
        invert.apply(px, 1.0);
        assertEquals(0xFFFFFF, px[0] & 0xFFFFFF);
        assertEquals(0x000000, px[1] & 0xFFFFFF);
        assertEquals(0xCC9966, px[2] & 0xFFFFFF);
        // Greys stay grey between grid points: tetrahedral interpolation keeps the diagonal.
        int grey = px[3];
        assertEquals((grey >> 16) & 0xFF, grey & 0xFF);
        assertEquals((grey >> 8) & 0xFF, grey & 0xFF);

        int[] half = {0x000000};
        invert.apply(half, 0.5);
        assertEquals(0x80, half[0] & 0xFF, "strength blends with the original");
    }

    @Test
    void oneDimensionalTablesAndDomainsWork() throws IOException {
        CubeLut curve = lut("LUT_1D_SIZE 3\nDOMAIN_MIN 0 0 0\nDOMAIN_MAX 1 1 1\n0 0 0\n0.25 0.5 0.75\n1 1 1\n");
        int[] px = {0x808080};
        curve.apply(px, 1.0);
        assertTrue(Math.abs(((px[0] >> 16) & 0xFF) - 64) <= 1);
        assertTrue(Math.abs(((px[0] >> 8) & 0xFF) - 128) <= 1);
        assertTrue(Math.abs((px[0] & 0xFF) - 192) <= 1);
    }

    @Test
    void malformedFilesSayWhereAndWhy() {
        LutFormatException e = assertThrows(LutFormatException.class, () -> lut("LUT_3D_SIZE 2\n0 0 0\n0 0 x\n"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertThrows(LutFormatException.class, () -> lut("LUT_3D_SIZE 2\n0 0 0\n"), "too few entries");
        assertThrows(LutFormatException.class, () -> lut("0 0 0\n"), "data before the size");
        assertThrows(LutFormatException.class, () -> lut("LUT_3D_SIZE 1\n"), "size out of range");
        assertThrows(LutFormatException.class, () -> lut("LUT_1D_SIZE 2\nDOMAIN_MIN 1 1 1\nDOMAIN_MAX 0 0 0\n0 0 0\n1 1 1\n"));
        assertThrows(LutFormatException.class, () -> lut("LUT_1D_SIZE 2\n0 0\n1 1 1\n"));
    }
}
