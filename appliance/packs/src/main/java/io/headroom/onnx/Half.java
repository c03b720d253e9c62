package io.headroom.onnx;

/** IEEE 754 binary16 to float (Float.float16ToFloat arrived after Java 17). */
public final class Half {

    private Half() {
    }

    public static float toFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h >>> 15) << 31;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0) {
            return (sign != 0 ? -1 : 1) * mantissa * 0x1p-24f;
        }
        if (exponent == 31) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
