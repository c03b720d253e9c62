package io.headroom.packs.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A TF.js graph model ({@code model.json} and its weight files): the nodes in file order and the
 * constants, dequantised to float32 (uint8/uint16 scale-and-min and float16 quantisations are
 * undone; int32 constants stay integers).
 */
public final class TfjsModel {

    /** One graph node; inputs name other nodes, {@code node:k} for output k, {@code ^node} for a control edge. */
    public record Node(String name, String op, List<String> inputs, JsonNode attr) {
    }

    private final List<Node> nodes;
    private final Map<String, Tensor> constants;
    private final JsonNode signature;

    private TfjsModel(List<Node> nodes, Map<String, Tensor> constants, JsonNode signature) {
        this.nodes = List.copyOf(nodes);
        this.constants = Map.copyOf(constants);
        this.signature = signature;
    }

    /**
     * @param modelJson the {@code model.json} bytes
     * @param weights   the bytes of a weight file named in its manifest (a path relative to it)
     */
    public static TfjsModel read(byte[] modelJson, Function<String, byte[]> weights) throws IOException {
        JsonNode root = new ObjectMapper().readTree(modelJson);
        List<Node> nodes = new ArrayList<>();
        for (JsonNode n : root.path("modelTopology").path("node")) {
            List<String> inputs = new ArrayList<>();
            n.path("input").forEach(i -> inputs.add(i.asText()));
            nodes.add(new Node(n.path("name").asText(), n.path("op").asText(), inputs, n.path("attr")));
        }
        Map<String, Tensor> constants = new HashMap<>();
        for (JsonNode group : root.path("weightsManifest")) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (JsonNode path : group.path("paths")) {
                byte[] part = weights.apply(path.asText());
                if (part == null) {
                    throw new IOException("weight file " + path.asText() + " is missing");
                }
                all.writeBytes(part);
            }
            ByteBuffer data = ByteBuffer.wrap(all.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode spec : group.path("weights")) {
                constants.put(spec.path("name").asText(), tensor(spec, data));
            }
            if (data.hasRemaining()) {
                throw new IOException("weight data longer than its manifest describes");
            }
        }
        return new TfjsModel(nodes, constants, root.path("signature"));
    }

    private static Tensor tensor(JsonNode spec, ByteBuffer data) throws IOException {
        List<Long> dims = new ArrayList<>();
        spec.path("shape").forEach(d -> dims.add(d.asLong()));
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        int count = Math.toIntExact(Tensor.count(shape));
        String dtype = spec.path("dtype").asText();
        JsonNode q = spec.path("quantization");
        if (dtype.equals("int32") && q.isMissingNode()) {
            int[] v = new int[count];
            for (int i = 0; i < count; i++) {
                v[i] = data.getInt();
            }
            return Tensor.ints(shape, v);
        }
        if (dtype.equals("bool")) {
            int[] v = new int[count];
            for (int i = 0; i < count; i++) {
                v[i] = data.get() != 0 ? 1 : 0;
            }
            return Tensor.ints(shape, v);
        }
        if (!dtype.equals("float32")) {
            throw new IOException("unsupported weight type " + dtype + " for " + spec.path("name").asText());
        }
        float[] v = new float[count];
        String stored = q.isMissingNode() ? "float32" : q.path("dtype").asText();
        float scale = (float) q.path("scale").asDouble(1);
        float min = (float) q.path("min").asDouble(0);
        for (int i = 0; i < count; i++) {
            v[i] = switch (stored) {
                case "float32" -> data.getFloat();
                case "float16" -> io.headroom.onnx.Half.toFloat(data.getShort());
                case "uint8" -> (data.get() & 0xFF) * scale + min;
                case "uint16" -> (data.getShort() & 0xFFFF) * scale + min;
                default -> throw new IOException("unsupported quantisation " + stored);
            };
        }
        return Tensor.floats(shape, v);
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** The constant of a {@code Const} node, by node name. */
    public Tensor constant(String name) {
        Tensor t = constants.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no weights for constant " + name);
        }
        return t;
    }

    /** The graph's signature ({@code inputs}/{@code outputs} by name), possibly empty. */
    public JsonNode signature() {
        return signature;
    }
}
