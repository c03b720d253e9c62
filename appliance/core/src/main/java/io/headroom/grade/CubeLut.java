package io.headroom.grade;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

/**
 * A colour look-up table in Adobe's {@code .cube} format, the one photographers exchange:
 * {@code TITLE}, {@code LUT_3D_SIZE N} (or {@code LUT_1D_SIZE N}), optional {@code DOMAIN_MIN} /
 * {@code DOMAIN_MAX}, then one "r g b" line per entry with red varying fastest. 3D tables are
 * applied with tetrahedral interpolation, which keeps neutral greys neutral where trilinear
 * interpolation can tint them.
 */
public final class CubeLut {

    private final String title;
    private final int size;
    private final boolean threeD;
    private final float[] table; // rgb triples
    private final float[] domainMin;
    private final float[] domainMax;

    private CubeLut(String title, int size, boolean threeD, float[] table, float[] domainMin, float[] domainMax) {
        this.title = title;
        this.size = size;
        this.threeD = threeD;
        this.table = table;
        this.domainMin = domainMin;
        this.domainMax = domainMax;
    }

    /**
     * Reads a {@code .cube} file.
     *
     * @throws LutFormatException with the line number for anything malformed
     */
    public static CubeLut parse(Reader source) throws IOException {
        BufferedReader in = new BufferedReader(source);
        String title = "";
        int size = 0;
        boolean threeD = true;
        float[] min = {0, 0, 0};
        float[] max = {1, 1, 1};
        float[] table = null;
        int entries = 0;
        int lineNo = 0;
        for (String line; (line = in.readLine()) != null; ) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+");
            String key = parts[0].toUpperCase(Locale.ROOT);
            try {
                switch (key) {
                    case "TITLE" -> title = l.substring(5).strip().replace("\"", "");
                    case "LUT_3D_SIZE", "LUT_1D_SIZE" -> {
                        if (table != null) {
                            throw new LutFormatException(lineNo, "the size is given twice");
                        }
                        threeD = key.equals("LUT_3D_SIZE");
                        size = Integer.parseInt(parts[1]);
                        if (size < 2 || size > (threeD ? 256 : 65536)) {
                            throw new LutFormatException(lineNo, "size " + size + " is out of range");
                        }
                        table = new float[3 * (threeD ? size * size * size : size)];
                    }
                    case "DOMAIN_MIN" -> min = triple(parts, lineNo);
                    case "DOMAIN_MAX" -> max = triple(parts, lineNo);
                    default -> {
                        if (table == null) {
                            throw new LutFormatException(lineNo, "data before LUT_3D_SIZE or LUT_1D_SIZE");
                        }
                        if (entries * 3 >= table.length) {
                            throw new LutFormatException(lineNo, "more entries than the size says");
                        }
                        if (parts.length != 3) {
                            throw new LutFormatException(lineNo, "an entry has three numbers");
                        }
                        for (int c = 0; c < 3; c++) {
                            float v = Float.parseFloat(parts[c]);
                            if (!Float.isFinite(v)) {
                                throw new LutFormatException(lineNo, "numbers must be finite");
                            }
                            table[3 * entries + c] = v;
                        }
                        entries++;
                    }
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new LutFormatException(lineNo, "a number was expected");
            }
        }
        if (table == null) {
            throw new LutFormatException(lineNo, "no LUT_3D_SIZE or LUT_1D_SIZE");
        }
        if (entries * 3 != table.length) {
            throw new LutFormatException(lineNo, "the table has " + entries + " entries, the size says " + table.length / 3);
        }
        for (int c = 0; c < 3; c++) {
            if (!(max[c] > min[c])) {
                throw new LutFormatException(lineNo, "DOMAIN_MAX must be above DOMAIN_MIN");
            }
        }
        return new CubeLut(title, size, threeD, table, min, max);
    }

    private static float[] triple(String[] parts, int lineNo) throws LutFormatException {
        if (parts.length < 4) {
            throw new LutFormatException(lineNo, "three numbers were expected");
        }
        float[] v = {Float.parseFloat(parts[1]), Float.parseFloat(parts[2]), Float.parseFloat(parts[3])};
        for (float f : v) {
            if (!Float.isFinite(f)) {
                throw new LutFormatException(lineNo, "numbers must be finite");
            }
        }
        return v;
    }

    public String title() {
        return title;
    }

    public int size() {
        return size;
    }

    /** Applies the table to packed RGB pixels in place, blended with the original by {@code strength} (0–1). */
    public void apply(int[] pixels, double strength) {
        float s = (float) Math.max(0, Math.min(1, strength));
        float[] out = new float[3];
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            float r = ((p >> 16) & 0xFF) / 255f;
            float g = ((p >> 8) & 0xFF) / 255f;
            float b = (p & 0xFF) / 255f;
            lookup(r, g, b, out);
            pixels[i] = (p & 0xFF000000) | (channel(r + s * (out[0] - r)) << 16) | (channel(g + s * (out[1] - g)) << 8)
                    | channel(b + s * (out[2] - b));
        }
    }

    /** The table's colour for an input colour in 0–1 (then mapped into the table's domain). */
    public void lookup(float r, float g, float b, float[] out) {
        float x = normalise(r, 0);
        float y = normalise(g, 1);
        float z = normalise(b, 2);
        if (!threeD) {
            out[0] = interp1d(x, 0);
            out[1] = interp1d(y, 1);
            out[2] = interp1d(z, 2);
            return;
        }
        tetrahedral(x * (size - 1), y * (size - 1), z * (size - 1), out);
    }

    private float normalise(float v, int c) {
        float n = (v - domainMin[c]) / (domainMax[c] - domainMin[c]);
        return Math.max(0, Math.min(1, n));
    }

    private float interp1d(float v, int c) {
        float pos = v * (size - 1);
        int i = Math.min(size - 2, (int) pos);
        float f = pos - i;
        return table[3 * i + c] * (1 - f) + table[3 * (i + 1) + c] * f;
    }

    private void tetrahedral(float x, float y, float z, float[] out) {
        int x0 = Math.min(size - 2, (int) x);
        int y0 = Math.min(size - 2, (int) y);
        int z0 = Math.min(size - 2, (int) z);
        float fx = x - x0;
        float fy = y - y0;
        float fz = z - z0;
        int c000 = index(x0, y0, z0);
        int c111 = index(x0 + 1, y0 + 1, z0 + 1);
        int a;
        int b;
        float w0;
        float w1;
        float w2;
        float w3;
        // The unit cube splits into six tetrahedra along its main diagonal; pick the one holding the point.
        if (fx > fy) {
            if (fy > fz) {
                a = index(x0 + 1, y0, z0); b = index(x0 + 1, y0 + 1, z0); w0 = 1 - fx; w1 = fx - fy; w2 = fy - fz; w3 = fz;
            } else if (fx > fz) {
                a = index(x0 + 1, y0, z0); b = index(x0 + 1, y0, z0 + 1); w0 = 1 - fx; w1 = fx - fz; w2 = fz - fy; w3 = fy;
            } else {
                a = index(x0, y0, z0 + 1); b = index(x0 + 1, y0, z0 + 1); w0 = 1 - fz; w1 = fz - fx; w2 = fx - fy; w3 = fy;
            }
        } else {
            if (fz > fy) {
                a = index(x0, y0, z0 + 1); b = index(x0, y0 + 1, z0 + 1); w0 = 1 - fz; w1 = fz - fy; w2 = fy - fx; w3 = fx;
            } else if (fz > fx) {
                a = index(x0, y0 + 1, z0); b = index(x0, y0 + 1, z0 + 1); w0 = 1 - fy; w1 = fy - fz; w2 = fz - fx; w3 = fx;
            } else {
                a = index(x0, y0 + 1, z0); b = index(x0 + 1, y0 + 1, z0); w0 = 1 - fy; w1 = fy - fx; w2 = fx - fz; w3 = fz;
            }
        }
        for (int c = 0; c < 3; c++) {
            out[c] = w0 * table[c000 + c] + w1 * table[a + c] + w2 * table[b + c] + w3 * table[c111 + c];
        }
    }

    /** Red varies fastest, then green, then blue. */
    private int index(int r, int g, int b) {
        return 3 * (r + size * (g + size * b));
    }

    private static int channel(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }
}
