package io.headroom.packs.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.onnx.OnnxGraph;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a TF.js graph model to ONNX, node by node. Tensors stay in TensorFlow's NHWC layout, so
 * element-wise operations keep TensorFlow's broadcasting exactly; each convolution is wrapped in
 * transposes to ONNX's NCHW (ONNX Runtime's optimiser removes the back-to-back pairs). Constants
 * become float32 initialisers; SAME padding is ONNX's {@code SAME_UPPER}. Only what is reachable
 * from the requested outputs is converted. Deterministic: the same graph gives the same bytes.
 */
public final class TfjsToOnnx {

    private final TfjsModel model;
    private final Map<String, TfjsModel.Node> byName = new HashMap<>();
    private final Map<String, String> values = new HashMap<>();
    private final OnnxGraph onnx = new OnnxGraph("headroom-tfjs2onnx");

    private TfjsToOnnx(TfjsModel model) {
        this.model = model;
        model.nodes().forEach(n -> byName.put(n.name(), n));
    }

    /**
     * @param inputs  placeholder node name → its fixed NHWC shape
     * @param outputs output name in the ONNX model → the TF.js tensor it is ({@code node} or {@code node:k})
     */
    public static byte[] convert(TfjsModel model, Map<String, long[]> inputs, Map<String, String> outputs) {
        return convert(model, inputs, Map.of(), outputs);
    }

    /** As {@link #convert(TfjsModel, Map, Map)}, with some placeholders fixed to scalar constants. */
    public static byte[] convert(TfjsModel model, Map<String, long[]> inputs, Map<String, Float> fixed, Map<String, String> outputs) {
        TfjsToOnnx c = new TfjsToOnnx(model);
        fixed.keySet().stream().sorted().forEach(name -> {
            c.onnx.floats(name, new long[0], new float[] {fixed.get(name)});
            c.values.put(name, name);
        });
        inputs.keySet().stream().sorted().forEach(name -> {
            c.onnx.input(name, inputs.get(name));
            c.values.put(name, name);
        });
        outputs.keySet().stream().sorted().forEach(name -> {
            String v = c.value(outputs.get(name));
            c.onnx.node("Identity", List.of(v), name);
            c.onnx.output(name);
        });
        return c.onnx.model("tfjs");
    }

    /** The ONNX value holding a TF.js tensor, converting its producer first if needed. */
    private String value(String ref) {
        String tensor = ref.startsWith("^") ? ref.substring(1) : ref;
        String known = values.get(tensor);
        if (known != null) {
            return known;
        }
        int colon = tensor.lastIndexOf(':');
        String nodeName = colon > 0 ? tensor.substring(0, colon) : tensor;
        TfjsModel.Node node = byName.get(nodeName);
        if (node == null) {
            throw new UnsupportedGraphException("the graph refers to a missing node " + nodeName);
        }
        if (!values.containsKey(nodeName)) {
            convert(node);
        }
        String v = values.get(tensor);
        if (v == null) {
            throw new UnsupportedGraphException(node.op() + " node " + nodeName + " has no output " + tensor);
        }
        return v;
    }

    private void convert(TfjsModel.Node n) {
        String out = n.name();
        switch (n.op()) {
            case "Const" -> {
                Tensor t = model.constant(n.name());
                if (t.isInt()) {
                    onnx.int64s(out, t.shape(), t.longs());
                } else {
                    onnx.floats(out, t.shape(), t.floats());
                }
            }
            case "Identity" -> {
                values.put(out, value(n.inputs().get(0)));
                return;
            }
            case "Placeholder" -> throw new UnsupportedGraphException("input " + out + " was given no shape");
            case "_FusedConv2D", "Conv2D" -> conv(n, false);
            case "FusedDepthwiseConv2dNative", "DepthwiseConv2dNative" -> conv(n, true);
            case "Add", "AddV2" -> binary("Add", n);
            case "Sub" -> binary("Sub", n);
            case "Mul" -> binary("Mul", n);
            case "RealDiv" -> binary("Div", n);
            case "Maximum" -> binary("Max", n);
            case "Minimum" -> binary("Min", n);
            case "Relu", "Sigmoid", "Tanh", "Abs", "Sqrt" -> onnx.node(n.op(), List.of(value(n.inputs().get(0))), out);
            case "Relu6" -> relu6(value(n.inputs().get(0)), out);
            case "Square" -> {
                String x = value(n.inputs().get(0));
                onnx.node("Mul", List.of(x, x), out);
            }
            case "Rsqrt" -> {
                String root = onnx.fresh("sqrt");
                onnx.node("Sqrt", List.of(value(n.inputs().get(0))), root);
                onnx.node("Reciprocal", List.of(root), out);
            }
            case "Sum" -> {
                String axes = onnx.fresh("axes");
                onnx.int64s(axes, new long[] {model.constant(n.inputs().get(1)).size()}, model.constant(n.inputs().get(1)).longs());
                onnx.node("ReduceSum", List.of(value(n.inputs().get(0)), axes), out).integer("keepdims", bool(n, "keep_dims") ? 1 : 0);
            }
            case "Mean" -> onnx.node("ReduceMean", List.of(value(n.inputs().get(0))), out)
                    .ints("axes", model.constant(n.inputs().get(1)).longs()).integer("keepdims", bool(n, "keep_dims") ? 1 : 0);
            case "Squeeze" -> {
                long[] dims = ints(n, "squeeze_dims");
                String axes = onnx.fresh("axes");
                onnx.int64s(axes, new long[] {dims.length}, dims);
                onnx.node("Squeeze", List.of(value(n.inputs().get(0)), axes), out);
            }
            default -> throw new UnsupportedGraphException("operation " + n.op() + " (node " + n.name() + ") is not supported");
        }
        values.put(out, out);
    }

    private void binary(String op, TfjsModel.Node n) {
        onnx.node(op, List.of(value(n.inputs().get(0)), value(n.inputs().get(1))), n.name());
    }

    private void relu6(String x, String out) {
        String lo = onnx.fresh("zero");
        String hi = onnx.fresh("six");
        onnx.floats(lo, new long[0], new float[] {0});
        onnx.floats(hi, new long[0], new float[] {6});
        onnx.node("Clip", List.of(x, lo, hi), out);
    }

    /**
     * Conv2D and depthwise convolution, with TF.js's fused bias and activation: NHWC in, NHWC out.
     * Filters are HWIO (regular) or HWCM (depthwise, channel multiplier M).
     */
    private void conv(TfjsModel.Node n, boolean depthwise) {
        Tensor filter = model.constant(n.inputs().get(1));
        long[] s = filter.shape();
        int kh = (int) s[0];
        int kw = (int) s[1];
        int ci = (int) s[2];
        int co = (int) s[3];
        int outChannels = depthwise ? ci * co : co;
        float[] w = new float[filter.floats().length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < ci; i++) {
                    for (int o = 0; o < co; o++) {
                        float v = filter.floats()[((y * kw + x) * ci + i) * co + o];
                        if (depthwise) {
                            w[((i * co + o) * kh + y) * kw + x] = v; // [C·M, 1, H, W]
                        } else {
                            w[((o * ci + i) * kh + y) * kw + x] = v; // [O, I, H, W]
                        }
                    }
                }
            }
        }
        String weights = onnx.fresh(n.name() + "/W");
        onnx.floats(weights, depthwise ? new long[] {outChannels, 1, kh, kw} : new long[] {co, ci, kh, kw}, w);
        List<String> fused = strings(n, "fused_ops");
        List<String> in = new ArrayList<>(List.of(transpose(value(n.inputs().get(0)), 0, 3, 1, 2), weights));
        int arg = 2;
        if (fused.contains("BiasAdd")) {
            Tensor bias = model.constant(n.inputs().get(arg++));
            String b = onnx.fresh(n.name() + "/B");
            onnx.floats(b, new long[] {bias.size()}, bias.floats());
            in.add(b);
        } else if (!fused.isEmpty()) {
            throw new UnsupportedGraphException("fused operations " + fused + " on " + n.name() + " are not supported");
        }
        String conv = onnx.fresh("conv");
        long[] strides = ints(n, "strides");
        long[] dilations = n.attr().has("dilations") ? ints(n, "dilations") : new long[] {1, 1, 1, 1};
        OnnxGraph.Node node = onnx.node("Conv", in, conv)
                .ints("kernel_shape", kh, kw)
                .ints("strides", strides[1], strides[2])
                .ints("dilations", dilations[1], dilations[2])
                .integer("group", depthwise ? ci : 1);
        String padding = string(n, "padding");
        switch (padding) {
            case "SAME" -> node.text("auto_pad", "SAME_UPPER");
            case "VALID" -> node.text("auto_pad", "VALID");
            case "EXPLICIT" -> {
                long[] p = ints(n, "explicit_paddings"); // NHWC pairs: [0,0, top,bottom, left,right, 0,0]
                node.ints("pads", p[2], p[4], p[3], p[5]);
            }
            default -> throw new UnsupportedGraphException("padding " + padding + " on " + n.name());
        }
        String activated = conv;
        for (String op : fused.subList(Math.min(1, fused.size()), fused.size())) {
            String next = onnx.fresh("act");
            switch (op) {
                case "Relu" -> onnx.node("Relu", List.of(activated), next);
                case "Relu6" -> relu6(activated, next);
                case "Prelu" -> {
                    Tensor alpha = model.constant(n.inputs().get(arg++));
                    String a = onnx.fresh(n.name() + "/alpha");
                    onnx.floats(a, new long[] {alpha.size(), 1, 1}, alpha.floats());
                    onnx.node("PRelu", List.of(activated, a), next);
                }
                default -> throw new UnsupportedGraphException("fused activation " + op + " on " + n.name() + " is not supported");
            }
            activated = next;
        }
        onnx.node("Transpose", List.of(activated), n.name()).ints("perm", 0, 2, 3, 1);
    }

    private String transpose(String x, long... perm) {
        String t = onnx.fresh("nchw");
        onnx.node("Transpose", List.of(x), t).ints("perm", perm);
        return t;
    }

    private static long[] ints(TfjsModel.Node n, String attr) {
        JsonNode list = n.attr().path(attr).path("list").path("i");
        long[] v = new long[list.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = list.get(i).asLong();
        }
        return v;
    }

    private static List<String> strings(TfjsModel.Node n, String attr) {
        List<String> out = new ArrayList<>();
        n.attr().path(attr).path("list").path("s").forEach(s -> out.add(decode(s.asText())));
        return out;
    }

    private static String string(TfjsModel.Node n, String attr) {
        return decode(n.attr().path(attr).path("s").asText());
    }

    private static boolean bool(TfjsModel.Node n, String attr) {
        return n.attr().path(attr).path("b").asBoolean(false);
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
