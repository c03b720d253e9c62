package io.headroom.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The few protocol-buffer wire types ONNX files need, written by hand: varints, length-delimited fields, floats. */
final class Protobuf {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    byte[] bytes() {
        return out.toByteArray();
    }

    Protobuf varint(int field, long value) {
        tag(field, 0);
        raw(value);
        return this;
    }

    Protobuf string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Protobuf bytes(int field, byte[] value) {
        tag(field, 2);
        raw(value.length);
        out.writeBytes(value);
        return this;
    }

    Protobuf message(int field, Protobuf message) {
        return bytes(field, message.bytes());
    }

    Protobuf float32(int field, float value) {
        tag(field, 5);
        int bits = Float.floatToIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write((bits >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    private void tag(int field, int wireType) {
        raw(((long) field << 3) | wireType);
    }

    private void raw(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
