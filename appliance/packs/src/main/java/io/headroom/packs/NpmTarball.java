package io.headroom.packs;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** Reads chosen files out of an npm package tarball (gzip-compressed ustar, entries under {@code package/}). */
public final class NpmTarball {

    private NpmTarball() {
    }

    /** The wanted entries' bytes by name; names not in the tarball are absent from the result. */
    public static Map<String, byte[]> read(InputStream tgz, Set<String> wanted) throws IOException {
        Map<String, byte[]> found = new HashMap<>();
        DataInputStream in = new DataInputStream(new GZIPInputStream(tgz, 64 * 1024));
        byte[] header = new byte[512];
        String longName = null;
        while (true) {
            try {
                in.readFully(header);
            } catch (EOFException e) {
                break;
            }
            if (isZero(header)) {
                break;
            }
            String name = longName != null ? longName : field(header, 345, 155).isEmpty()
                    ? field(header, 0, 100) : field(header, 345, 155) + "/" + field(header, 0, 100);
            longName = null;
            long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
            char type = (char) header[156];
            long padded = (size + 511) / 512 * 512;
            if (type == 'L') {
                byte[] n = new byte[(int) padded];
                in.readFully(n);
                longName = new String(n, 0, (int) size, StandardCharsets.UTF_8).replace("\0", "");
                continue;
            }
            if ((type == '0' || type == 0) && wanted.contains(name)) {
                if (size > Integer.MAX_VALUE - 16) {
                    throw new IOException("entry " + name + " is too large");
                }
                byte[] data = new byte[(int) size];
                in.readFully(data);
                found.put(name, data);
                in.skipNBytes(padded - size);
            } else {
                in.skipNBytes(padded);
            }
        }
        return found;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
