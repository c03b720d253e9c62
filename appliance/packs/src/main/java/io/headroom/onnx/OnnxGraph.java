package io.headroom.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * An ONNX model under construction: nodes, float/int64 initialisers, typed inputs and outputs,
 * serialised as {@code onnx.ModelProto} (IR version 8, default opset 13). Field numbers follow
 * onnx.proto; the output is deterministic, byte for byte.
 */
public final class OnnxGraph {

    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    private final List<Protobuf> nodes = new ArrayList<>();
    private final List<Protobuf> initialisers = new ArrayList<>();
    private final List<Protobuf> inputs = new ArrayList<>();
    private final List<Protobuf> outputs = new ArrayList<>();
    private final String producer;
    private int counter;

    /** @param producer the tool named in the model's {@code producer_name} */
    public OnnxGraph(String producer) {
        this.producer = producer;
    }

    public String fresh(String hint) {
        return hint + "_" + (counter++);
    }

    /** A node; attributes are added through the returned builder. */
    public Node node(String opType, List<String> in, String out) {
        return node(opType, in, List.of(out));
    }

    /** A node with several outputs. */
    public Node node(String opType, List<String> in, List<String> out) {
        Node n = new Node(opType, in, out, fresh(opType));
        nodes.add(n.proto);
        return n;
    }

    public void floats(String name, long[] dims, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        initialisers.add(tensor(name, dims, FLOAT, b.array()));
    }

    public void int64s(String name, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        initialisers.add(tensor(name, new long[] {values.length}, INT64, b.array()));
    }

    public void input(String name, long[] dims) {
        inputs.add(valueInfo(name, dims));
    }

    public void output(String name, long[] dims) {
        outputs.add(valueInfo(name, dims));
    }

    /** An output whose shape the runtime infers. */
    public void output(String name) {
        Protobuf tensorType = new Protobuf().varint(1, FLOAT);
        outputs.add(new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType)));
    }

    /** An int64 initialiser of any shape (a scalar when {@code dims} is empty). */
    public void int64s(String name, long[] dims, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        initialisers.add(tensor(name, dims, INT64, b.array()));
    }

    public byte[] model(String graphName) {
        Protobuf graph = new Protobuf();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, graphName);
        initialisers.forEach(t -> graph.message(5, t));
        inputs.forEach(i -> graph.message(11, i));
        outputs.forEach(o -> graph.message(12, o));
        return new Protobuf()
                .varint(1, 8) // ir_version
                .string(2, producer)
                .message(7, graph)
                .message(8, new Protobuf().string(1, "").varint(2, 13)) // opset_import: default domain, 13
                .bytes();
    }

    private static Protobuf tensor(String name, long[] dims, int type, byte[] raw) {
        Protobuf t = new Protobuf();
        for (long d : dims) {
            t.varint(1, d);
        }
        return t.varint(2, type).string(8, name).bytes(9, raw);
    }

    private static Protobuf valueInfo(String name, long[] dims) {
        Protobuf shape = new Protobuf();
        for (long d : dims) {
            shape.message(1, new Protobuf().varint(1, d));
        }
        Protobuf tensorType = new Protobuf().varint(1, FLOAT).message(2, shape);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
    }

    /** A node being described. */
    public static final class Node {
        final Protobuf proto = new Protobuf();
        private final List<Protobuf> attributes = new ArrayList<>();

        Node(String opType, List<String> in, List<String> out, String name) {
            in.forEach(i -> proto.string(1, i));
            out.forEach(o -> proto.string(2, o));
            proto.string(3, name).string(4, opType);
        }

        public Node ints(String name, long... values) {
            Protobuf a = new Protobuf().string(1, name);
            for (long v : values) {
                a.varint(8, v);
            }
            a.varint(20, 7); // AttributeType.INTS
            proto.message(5, a);
            return this;
        }

        public Node real(String name, float value) {
            proto.message(5, new Protobuf().string(1, name).float32(2, value).varint(20, 1)); // FLOAT
            return this;
        }

        public Node text(String name, String value) {
            proto.message(5, new Protobuf().string(1, name).string(4, value).varint(20, 3)); // STRING
            return this;
        }

        public Node integer(String name, long value) {
            proto.message(5, new Protobuf().string(1, name).varint(3, value).varint(20, 2)); // INT
            return this;
        }
    }
}
