package io.headroom.packs.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.onnx.OnnxGraph;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts a TF.js graph model to ONNX, node by node, from the requested outputs backwards (only
 * what they need is converted).
 *
 * <ul>
 *   <li>Tensors stay in TensorFlow's NHWC layout, so element-wise operations keep TensorFlow's
 *       broadcasting exactly; convolutions and pooling are wrapped in transposes to ONNX's NCHW
 *       (ONNX Runtime's optimiser removes back-to-back pairs). SAME padding is {@code SAME_UPPER}.</li>
 *   <li>Integer tensors (shapes, sizes, indices) are int64 in ONNX; shape arithmetic runs in the
 *       model, so only the placeholders need fixed shapes.</li>
 *   <li>Control flow is folded: placeholders given as constants make {@code Switch} predicates
 *       constant, the untaken branch is dropped and {@code Merge} takes the live input.</li>
 *   <li>TensorFlow's dilated-convolution pattern (SpaceToBatchND → convolution → BatchToSpaceND)
 *       becomes one convolution with dilations.</li>
 * </ul>
 * Deterministic: the same graph and arguments give the same bytes.
 */
public final class TfjsToOnnx {

    private static final long INT64_MAX = Long.MAX_VALUE;

    private final TfjsModel model;
    private final Map<String, TfjsModel.Node> byName = new HashMap<>();
    /** TF.js tensor ({@code node:k}) → ONNX value; absent until converted. */
    private final Map<String, String> values = new HashMap<>();
    /** Tensors on a branch that folded control flow does not take. */
    private final Set<String> dead = new HashSet<>();
    private final Map<String, Float> fixed;
    private final OnnxGraph onnx = new OnnxGraph("headroom-tfjs2onnx");

    private TfjsToOnnx(TfjsModel model, Map<String, Float> fixed) {
        this.model = model;
        this.fixed = fixed;
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
        TfjsToOnnx c = new TfjsToOnnx(model, fixed);
        fixed.keySet().stream().sorted().forEach(name -> {
            c.onnx.floats(name, new long[0], new float[] {fixed.get(name)});
            c.values.put(name + ":0", name);
        });
        inputs.keySet().stream().sorted().forEach(name -> {
            c.onnx.input(name, inputs.get(name));
            c.values.put(name + ":0", name);
        });
        outputs.keySet().stream().sorted().forEach(name -> {
            String v = c.value(outputs.get(name));
            if (v == null) {
                throw new UnsupportedGraphException("output " + outputs.get(name) + " lies on a branch the fixed inputs never take");
            }
            c.onnx.node("Identity", List.of(v), name);
            c.onnx.output(name);
        });
        return c.onnx.model("tfjs");
    }

    private static String key(String ref) {
        String r = ref.startsWith("^") ? ref.substring(1) : ref;
        return r.contains(":") ? r : r + ":0";
    }

    private static String nodeOf(String key) {
        return key.substring(0, key.lastIndexOf(':'));
    }

    /** The ONNX value holding a TF.js tensor, converting its producer first; null for a dead tensor. */
    private String value(String ref) {
        String k = key(ref);
        if (!values.containsKey(k) && !dead.contains(k)) {
            TfjsModel.Node node = byName.get(nodeOf(k));
            if (node == null) {
                throw new UnsupportedGraphException("the graph refers to a missing node " + nodeOf(k));
            }
            convert(node);
        }
        if (dead.contains(k)) {
            return null;
        }
        String v = values.get(k);
        if (v == null) {
            throw new UnsupportedGraphException("node " + nodeOf(k) + " has no output " + k);
        }
        return v;
    }

    /** Data inputs (control edges {@code ^x} are ordering only and dropped). */
    private static List<String> data(TfjsModel.Node n) {
        return n.inputs().stream().filter(i -> !i.startsWith("^")).toList();
    }

    private void convert(TfjsModel.Node n) {
        String out = n.name();
        List<String> in = data(n);
        if (n.op().equals("Merge")) {
            for (String i : in) {
                String v = value(i);
                if (v != null) {
                    values.put(out + ":0", v);
                    return;
                }
            }
            kill(n, 1);
            return;
        }
        if (n.op().equals("Switch")) {
            String v = value(in.get(0));
            Boolean predicate = constantBoolean(in.get(1));
            if (predicate == null) {
                throw new UnsupportedGraphException("the condition of " + out + " depends on the input; fix more placeholders");
            }
            // Output 0 carries the data when the predicate is false, output 1 when it is true.
            int live = predicate ? 1 : 0;
            dead.add(out + ":" + (1 - live));
            if (v == null) {
                dead.add(out + ":" + live);
            } else {
                values.put(out + ":" + live, v);
            }
            return;
        }
        if (n.op().equals("Placeholder")) {
            throw new UnsupportedGraphException("input " + out + " was given no shape");
        }
        // Any other node on a dead branch is dead too. (A dilated convolution's inner nodes are never
        // converted on their own, so BatchToSpaceND looks through them instead.)
        if (n.op().equals("BatchToSpaceND")) {
            dilatedConv(n);
            values.put(out + ":0", out);
            return;
        }
        if (!n.op().equals("Const")) {
            for (String i : in) {
                if (value(i) == null) {
                    kill(n, 2);
                    return;
                }
            }
        }
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
                values.put(out + ":0", value(in.get(0)));
                return;
            }
            case "_FusedConv2D", "Conv2D" -> conv(n, value(in.get(0)), null, out);
            case "FusedDepthwiseConv2dNative", "DepthwiseConv2dNative" -> conv(n, value(in.get(0)), null, out);
            case "Add", "AddV2" -> binary("Add", n);
            case "Sub" -> binary("Sub", n);
            case "Mul" -> binary("Mul", n);
            case "RealDiv" -> binary("Div", n);
            case "Maximum" -> binary("Max", n);
            case "Minimum" -> binary("Min", n);
            case "Equal" -> binary("Equal", n);
            case "FloorMod" -> onnx.node("Mod", List.of(value(in.get(0)), value(in.get(1))), out).integer("fmod", 0);
            case "Relu", "Sigmoid", "Tanh", "Abs", "Sqrt" -> onnx.node(n.op(), List.of(value(in.get(0))), out);
            case "Relu6" -> relu6(value(in.get(0)), out);
            case "Square" -> {
                String x = value(in.get(0));
                onnx.node("Mul", List.of(x, x), out);
            }
            case "Rsqrt" -> {
                String root = onnx.fresh("sqrt");
                onnx.node("Sqrt", List.of(value(in.get(0))), root);
                onnx.node("Reciprocal", List.of(root), out);
            }
            case "Sum" -> onnx.node("ReduceSum", List.of(value(in.get(0)), longs(constant(in.get(1)).longs())), out)
                    .integer("keepdims", bool(n, "keep_dims") ? 1 : 0);
            case "Mean" -> onnx.node("ReduceMean", List.of(value(in.get(0))), out)
                    .ints("axes", constant(in.get(1)).longs()).integer("keepdims", bool(n, "keep_dims") ? 1 : 0);
            case "Squeeze" -> {
                long[] dims = ints(n, "squeeze_dims");
                List<String> args = new ArrayList<>(List.of(value(in.get(0))));
                if (dims.length > 0) {
                    args.add(longs(dims));
                }
                onnx.node("Squeeze", args, out);
            }
            case "Shape" -> onnx.node("Shape", List.of(value(in.get(0))), out);
            case "Cast" -> {
                String to = n.attr().path("DstT").path("type").asText();
                onnx.node("Cast", List.of(value(in.get(0))), out).integer("to", to.equals("DT_FLOAT") ? 1 : to.equals("DT_BOOL") ? 9 : 7);
            }
            case "Pack" -> pack(n);
            case "StridedSlice" -> stridedSlice(n);
            case "Slice" -> {
                // TF: begin and size, size −1 meaning "to the end"; ONNX: starts and ends.
                String begin = value(in.get(1));
                String size = value(in.get(2));
                String sum = onnx.fresh("end");
                onnx.node("Add", List.of(begin, size), sum);
                String toEnd = onnx.fresh("to_end");
                onnx.node("Equal", List.of(size, scalarLong(-1)), toEnd);
                String end = onnx.fresh("end");
                onnx.node("Where", List.of(toEnd, scalarLong(INT64_MAX), sum), end);
                onnx.node("Slice", List.of(value(in.get(0)), begin, end), out);
            }
            case "ConcatV2" -> {
                List<String> parts = new ArrayList<>();
                for (String i : in.subList(0, in.size() - 1)) {
                    parts.add(value(i));
                }
                onnx.node("Concat", parts, out).integer("axis", constant(in.get(in.size() - 1)).longs()[0]);
            }
            case "Split" -> {
                int count = (int) n.attr().path("num_split").path("i").asLong();
                onnx.node("Split", List.of(value(in.get(1))), outputs(out, count)).integer("axis", constant(in.get(0)).longs()[0]);
                for (int k = 0; k < count; k++) {
                    values.put(out + ":" + k, out + ":" + k);
                }
                return;
            }
            case "SplitV" -> {
                long[] sizes = constant(in.get(1)).longs();
                onnx.node("Split", List.of(value(in.get(0)), longs(sizes)), outputs(out, sizes.length))
                        .integer("axis", constant(in.get(2)).longs()[0]);
                for (int k = 0; k < sizes.length; k++) {
                    values.put(out + ":" + k, out + ":" + k);
                }
                return;
            }
            case "Pad" -> {
                // TF: paddings [rank, 2] (before, after per axis); ONNX: all befores, then all afters.
                String t = onnx.fresh("pads");
                onnx.node("Transpose", List.of(value(in.get(1))), t).ints("perm", 1, 0);
                String flat = onnx.fresh("pads");
                onnx.node("Reshape", List.of(t, longs(new long[] {-1})), flat);
                onnx.node("Pad", List.of(value(in.get(0)), flat), out).text("mode", "constant");
            }
            case "BroadcastTo" -> onnx.node("Expand", List.of(value(in.get(0)), value(in.get(1))), out);
            case "ResizeBilinear" -> resize(n);
            case "AvgPool" -> {
                long[] k = ints(n, "ksize");
                long[] s = ints(n, "strides");
                String pooled = onnx.fresh("pool");
                OnnxGraph.Node pool = onnx.node("AveragePool", List.of(transpose(value(in.get(0)), 0, 3, 1, 2)), pooled)
                        .ints("kernel_shape", k[1], k[2]).ints("strides", s[1], s[2]).integer("count_include_pad", 0);
                pool.text("auto_pad", string(n, "padding").equals("SAME") ? "SAME_UPPER" : "VALID");
                onnx.node("Transpose", List.of(pooled), out).ints("perm", 0, 2, 3, 1);
            }
            default -> throw new UnsupportedGraphException("operation " + n.op() + " (node " + n.name() + ") is not supported");
        }
        values.put(out + ":0", out);
    }

    private void kill(TfjsModel.Node n, int outputs) {
        for (int k = 0; k < outputs; k++) {
            dead.add(n.name() + ":" + k);
        }
    }

    private static List<String> outputs(String name, int count) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(name + ":" + k);
        }
        return out;
    }

    private void binary(String op, TfjsModel.Node n) {
        List<String> in = data(n);
        onnx.node(op, List.of(value(in.get(0)), value(in.get(1))), n.name());
    }

    private void relu6(String x, String out) {
        String lo = onnx.fresh("zero");
        String hi = onnx.fresh("six");
        onnx.floats(lo, new long[0], new float[] {0});
        onnx.floats(hi, new long[0], new float[] {6});
        onnx.node("Clip", List.of(x, lo, hi), out);
    }

    private String scalarLong(long value) {
        String name = onnx.fresh("int");
        onnx.int64s(name, new long[0], new long[] {value});
        return name;
    }

    private String longs(long[] values) {
        String name = onnx.fresh("ints");
        onnx.int64s(name, new long[] {values.length}, values);
        return name;
    }

    /** Pack along an axis: each input gains that axis, then all are concatenated on it. */
    private void pack(TfjsModel.Node n) {
        long axis = n.attr().path("axis").path("i").asLong(0);
        List<String> parts = new ArrayList<>();
        String axes = longs(new long[] {axis});
        for (String i : data(n)) {
            String u = onnx.fresh("unsqueezed");
            onnx.node("Unsqueeze", List.of(value(i), axes), u);
            parts.add(u);
        }
        onnx.node("Concat", parts, n.name()).integer("axis", axis);
    }

    /** StridedSlice with constant begin, end and strides; begin, end and shrink-axis masks. */
    private void stridedSlice(TfjsModel.Node n) {
        List<String> in = data(n);
        long[] begin = constant(in.get(1)).longs();
        long[] end = constant(in.get(2)).longs();
        long[] strides = constant(in.get(3)).longs();
        long beginMask = n.attr().path("begin_mask").path("i").asLong(0);
        long endMask = n.attr().path("end_mask").path("i").asLong(0);
        long shrink = n.attr().path("shrink_axis_mask").path("i").asLong(0);
        if (n.attr().path("ellipsis_mask").path("i").asLong(0) != 0 || n.attr().path("new_axis_mask").path("i").asLong(0) != 0) {
            throw new UnsupportedGraphException("StridedSlice " + n.name() + " uses ellipsis or new-axis masks");
        }
        int r = begin.length;
        long[] starts = new long[r];
        long[] ends = new long[r];
        long[] axes = new long[r];
        List<Long> squeezed = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            axes[i] = i;
            boolean backwards = strides[i] < 0;
            starts[i] = (beginMask >> i & 1) != 0 ? (backwards ? INT64_MAX : 0) : begin[i];
            ends[i] = (endMask >> i & 1) != 0 ? (backwards ? Long.MIN_VALUE : INT64_MAX) : end[i];
            if ((shrink >> i & 1) != 0) {
                ends[i] = begin[i] == -1 ? INT64_MAX : begin[i] + 1;
                squeezed.add((long) i);
            }
        }
        String sliced = squeezed.isEmpty() ? n.name() : onnx.fresh("sliced");
        onnx.node("Slice", List.of(value(in.get(0)), longs(starts), longs(ends), longs(axes), longs(strides)), sliced);
        if (!squeezed.isEmpty()) {
            onnx.node("Squeeze", List.of(sliced, longs(squeezed.stream().mapToLong(Long::longValue).toArray())), n.name());
        }
    }

    /** ResizeBilinear on NHWC: ONNX Resize with sizes [N, height, width, C]. */
    private void resize(TfjsModel.Node n) {
        List<String> in = data(n);
        String x = value(in.get(0));
        String shape = onnx.fresh("shape");
        onnx.node("Shape", List.of(x), shape);
        String batch = onnx.fresh("n");
        onnx.node("Slice", List.of(shape, longs(new long[] {0}), longs(new long[] {1})), batch);
        String channels = onnx.fresh("c");
        onnx.node("Slice", List.of(shape, longs(new long[] {3}), longs(new long[] {4})), channels);
        String sizes = onnx.fresh("sizes");
        onnx.node("Concat", List.of(batch, value(in.get(1)), channels), sizes).integer("axis", 0);
        boolean alignCorners = n.attr().path("align_corners").path("b").asBoolean(false);
        boolean halfPixel = n.attr().path("half_pixel_centers").path("b").asBoolean(false);
        onnx.node("Resize", List.of(x, "", "", sizes), n.name())
                .text("mode", "linear")
                .text("coordinate_transformation_mode", alignCorners ? "align_corners" : halfPixel ? "half_pixel" : "asymmetric");
    }

    /**
     * SpaceToBatchND → convolution (VALID) → BatchToSpaceND is how TensorFlow runs a dilated
     * convolution: here it is one ONNX convolution with dilations of the block shape.
     */
    private void dilatedConv(TfjsModel.Node batchToSpace) {
        TfjsModel.Node conv = byName.get(nodeOf(key(data(batchToSpace).get(0))));
        TfjsModel.Node spaceToBatch = conv == null ? null : byName.get(nodeOf(key(data(conv).get(0))));
        if (spaceToBatch == null || !spaceToBatch.op().equals("SpaceToBatchND") || !string(conv, "padding").equals("VALID")) {
            throw new UnsupportedGraphException("BatchToSpaceND " + batchToSpace.name() + " is not part of a dilated convolution");
        }
        long[] block = constant(data(spaceToBatch).get(1)).longs();
        conv(conv, value(data(spaceToBatch).get(0)), block, batchToSpace.name());
    }

    /**
     * Conv2D and depthwise convolution, with TF.js's fused bias and activation: NHWC in, NHWC out.
     * Filters are HWIO (regular) or HWCM (depthwise, channel multiplier M).
     *
     * @param dilations the dilations to use instead of the node's (null: the node's own)
     */
    private void conv(TfjsModel.Node n, String input, long[] dilations, String out) {
        boolean depthwise = n.op().contains("Depthwise");
        Tensor filter = constant(data(n).get(1));
        long[] s = filter.shape();
        int kh = (int) s[0];
        int kw = (int) s[1];
        int ci = (int) s[2];
        int co = (int) s[3];
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
        onnx.floats(weights, depthwise ? new long[] {(long) ci * co, 1, kh, kw} : new long[] {co, ci, kh, kw}, w);
        List<String> fused = strings(n, "fused_ops");
        List<String> in = new ArrayList<>(List.of(transpose(input, 0, 3, 1, 2), weights));
        int arg = 2;
        if (fused.contains("BiasAdd")) {
            Tensor bias = constant(data(n).get(arg++));
            String b = onnx.fresh(n.name() + "/B");
            onnx.floats(b, new long[] {bias.size()}, bias.floats());
            in.add(b);
        } else if (!fused.isEmpty()) {
            throw new UnsupportedGraphException("fused operations " + fused + " on " + n.name() + " are not supported");
        }
        String conv = onnx.fresh("conv");
        long[] strides = ints(n, "strides");
        long[] own = n.attr().has("dilations") ? ints(n, "dilations") : new long[] {1, 1, 1, 1};
        long[] d = dilations != null ? dilations : new long[] {own[1], own[2]};
        OnnxGraph.Node node = onnx.node("Conv", in, conv)
                .ints("kernel_shape", kh, kw)
                .ints("strides", strides[1], strides[2])
                .ints("dilations", d[0], d[1])
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
                    Tensor alpha = constant(data(n).get(arg++));
                    String a = onnx.fresh(n.name() + "/alpha");
                    onnx.floats(a, new long[] {alpha.size(), 1, 1}, alpha.floats());
                    onnx.node("PRelu", List.of(activated, a), next);
                }
                default -> throw new UnsupportedGraphException("fused activation " + op + " on " + n.name() + " is not supported");
            }
            activated = next;
        }
        onnx.node("Transpose", List.of(activated), out).ints("perm", 0, 2, 3, 1);
    }

    private String transpose(String x, long... perm) {
        String t = onnx.fresh("nchw");
        onnx.node("Transpose", List.of(x), t).ints("perm", perm);
        return t;
    }

    /** The value of a constant input (a Const node, maybe behind Identity or a control-flow Switch). */
    private Tensor constant(String ref) {
        TfjsModel.Node n = byName.get(nodeOf(key(ref)));
        while (n != null && (n.op().equals("Identity") || n.op().equals("Switch"))) {
            n = byName.get(nodeOf(key(data(n).get(0))));
        }
        if (n == null || !n.op().equals("Const")) {
            throw new UnsupportedGraphException(ref + " must be a constant");
        }
        return model.constant(n.name());
    }

    /** Evaluates a boolean computed from constants and fixed placeholders only; null when it depends on the input. */
    private Boolean constantBoolean(String ref) {
        float[] v = constantFloats(ref);
        return v == null || v.length != 1 ? null : v[0] != 0;
    }

    private float[] constantFloats(String ref) {
        TfjsModel.Node n = byName.get(nodeOf(key(ref)));
        if (n == null) {
            return null;
        }
        return switch (n.op()) {
            case "Const" -> {
                Tensor t = model.constant(n.name());
                if (t.isInt()) {
                    float[] f = new float[t.size()];
                    for (int i = 0; i < f.length; i++) {
                        f[i] = t.ints()[i];
                    }
                    yield f;
                }
                yield t.floats();
            }
            case "Placeholder" -> fixed.containsKey(n.name()) ? new float[] {fixed.get(n.name())} : null;
            case "Identity", "Squeeze" -> constantFloats(data(n).get(0));
            case "Equal" -> {
                float[] a = constantFloats(data(n).get(0));
                float[] b = constantFloats(data(n).get(1));
                yield a == null || b == null || a.length != 1 || b.length != 1 ? null : new float[] {a[0] == b[0] ? 1 : 0};
            }
            default -> null;
        };
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
