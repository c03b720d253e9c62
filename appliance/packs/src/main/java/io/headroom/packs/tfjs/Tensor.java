package io.headroom.packs.tfjs;

import java.util.Arrays;

/** A constant: its shape and either float or int32 values (row-major). */
public record Tensor(long[] shape, float[] floats, int[] ints) {

    public static Tensor floats(long[] shape, float[] values) {
        return new Tensor(shape.clone(), values, null);
    }

    public static Tensor ints(long[] shape, int[] values) {
        return new Tensor(shape.clone(), null, values);
    }

    public boolean isInt() {
        return ints != null;
    }

    public int size() {
        return isInt() ? ints.length : floats.length;
    }

    /** The values as int64s, whatever their type. */
    public long[] longs() {
        return isInt() ? Arrays.stream(ints).asLongStream().toArray() : toLongs(floats);
    }

    private static long[] toLongs(float[] f) {
        long[] l = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            l[i] = (long) f[i];
        }
        return l;
    }

    static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
