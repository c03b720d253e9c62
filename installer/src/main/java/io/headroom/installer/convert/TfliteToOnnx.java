package io.headroom.installer.convert;

import io.headroom.onnx.Half;
import io.headroom.onnx.OnnxGraph;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.AddOptions;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Conv2DOptions;
import org.tensorflow.lite.schema.DepthwiseConv2DOptions;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.MulOptions;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptions;
import org.tensorflow.lite.schema.ResizeBilinearOptions;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.Tensor;
import org.tensorflow.lite.schema.TensorType;

/**
 * Converts MediaPipe's TFLite models to ONNX for ONNX Runtime: the small op set they use
 * (CONV_2D, DEPTHWISE_CONV_2D, ADD, MUL, PRELU, RELU, HARD_SWISH, LOGISTIC, MAX_POOL_2D,
 * AVERAGE_POOL_2D, PAD, RESIZE_BILINEAR, MediaPipe's Convolution2DTransposeBias, DEQUANTIZE of
 * FP16 weights).
 * TFLite is NHWC and ONNX's Conv is NCHW: the graph transposes at its edges, weights are
 * permuted, SAME padding is made explicit, FP16 weights are folded to float32 constants. The
 * graph's inputs and outputs keep TFLite's NHWC shapes and names.
 */
public final class TfliteToOnnx {

    private final Model model;
    private final SubGraph graph;
    private final OnnxGraph onnx = new OnnxGraph("headroom-tflite2onnx");
    /** Float constants by TFLite tensor index (weights, biases, folded DEQUANTIZE outputs), in TFLite layout. */
    private final Map<Integer, float[]> constants = new HashMap<>();
    /** The ONNX name of each activation tensor, in NCHW. */
    private final Map<Integer, String> activations = new HashMap<>();

    private TfliteToOnnx(byte[] tflite) {
        this.model = Model.getRootAsModel(ByteBuffer.wrap(tflite).order(ByteOrder.LITTLE_ENDIAN));
        this.graph = model.subgraphs(0);
    }

    /** The ONNX model for a TFLite file. Deterministic: the same input gives the same bytes. */
    public static byte[] convert(byte[] tflite) {
        return new TfliteToOnnx(tflite).run();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: TfliteToOnnx IN.tflite OUT.onnx");
            System.exit(2);
        }
        Files.write(Path.of(args[1]), convert(Files.readAllBytes(Path.of(args[0]))));
    }

    private byte[] run() {
        for (int i = 0; i < graph.inputsLength(); i++) {
            int t = graph.inputs(i);
            String name = graph.tensors(t).name();
            onnx.input(name, dims(t));
            activations.put(t, transpose(name, new long[] {0, 3, 1, 2}));
        }
        for (int i = 0; i < graph.operatorsLength(); i++) {
            convert(graph.operators(i));
        }
        for (int i = 0; i < graph.outputsLength(); i++) {
            int t = graph.outputs(i);
            String name = graph.tensors(t).name();
            onnx.node("Transpose", List.of(activation(t)), name).ints("perm", 0, 2, 3, 1);
            onnx.output(name, dims(t));
        }
        return onnx.model("tflite:" + graph.name());
    }

    private void convert(Operator op) {
        OperatorCode code = model.operatorCodes((int) op.opcodeIndex());
        int builtin = Math.max(code.deprecatedBuiltinCode(), code.builtinCode());
        int out = op.outputs(0);
        switch (builtin) {
            case BuiltinOperator.DEQUANTIZE -> constants.put(out, constant(op.inputs(0)));
            case BuiltinOperator.CONV_2D -> conv(op, false);
            case BuiltinOperator.DEPTHWISE_CONV_2D -> conv(op, true);
            case BuiltinOperator.ADD -> {
                AddOptions o = (AddOptions) op.builtinOptions(new AddOptions());
                String sum = onnx.fresh("add");
                onnx.node("Add", List.of(activation(op.inputs(0)), activation(op.inputs(1))), sum);
                activations.put(out, activate(sum, o == null ? ActivationFunctionType.NONE : o.fusedActivationFunction()));
            }
            case BuiltinOperator.RELU -> {
                String y = onnx.fresh("relu");
                onnx.node("Relu", List.of(activation(op.inputs(0))), y);
                activations.put(out, y);
            }
            case BuiltinOperator.PRELU -> {
                float[] alpha = constant(op.inputs(1));
                String slope = onnx.fresh("prelu_slope");
                onnx.floats(slope, new long[] {alpha.length, 1, 1}, alpha); // [1,1,C] → [C,1,1] for NCHW
                String y = onnx.fresh("prelu");
                onnx.node("PRelu", List.of(activation(op.inputs(0)), slope), y);
                activations.put(out, y);
            }
            case BuiltinOperator.MAX_POOL_2D -> {
                Pool2DOptions o = (Pool2DOptions) op.builtinOptions(new Pool2DOptions());
                int[] in = shape(op.inputs(0));
                long[] pads = pads(o.padding(), in[1], in[2], o.filterHeight(), o.filterWidth(), o.strideH(), o.strideW(), 1, 1);
                String y = onnx.fresh("maxpool");
                onnx.node("MaxPool", List.of(activation(op.inputs(0))), y)
                        .ints("kernel_shape", o.filterHeight(), o.filterWidth())
                        .ints("strides", o.strideH(), o.strideW())
                        .ints("pads", pads);
                activations.put(out, activate(y, o.fusedActivationFunction()));
            }
            case BuiltinOperator.PAD -> {
                int[] p = intConstant(op.inputs(1)); // [4, 2] in NHWC order: N, H, W, C
                String pads = onnx.fresh("pads");
                onnx.int64s(pads, new long[] {p[0], p[6], p[2], p[4], p[1], p[7], p[3], p[5]});
                String y = onnx.fresh("pad");
                onnx.node("Pad", List.of(activation(op.inputs(0)), pads), y);
                activations.put(out, y);
            }
            case BuiltinOperator.MUL -> {
                MulOptions o = (MulOptions) op.builtinOptions(new MulOptions());
                String product = onnx.fresh("mul");
                onnx.node("Mul", List.of(operand(op.inputs(0)), operand(op.inputs(1))), product);
                activations.put(out, activate(product, o == null ? ActivationFunctionType.NONE : o.fusedActivationFunction()));
            }
            case BuiltinOperator.LOGISTIC -> {
                String y = onnx.fresh("sigmoid");
                onnx.node("Sigmoid", List.of(activation(op.inputs(0))), y);
                activations.put(out, y);
            }
            case BuiltinOperator.HARD_SWISH -> {
                // x · HardSigmoid(x) with alpha 1/6, beta 1/2: HardSwish itself needs opset 14.
                String gate = onnx.fresh("hardsigmoid");
                String x = activation(op.inputs(0));
                onnx.node("HardSigmoid", List.of(x), gate).real("alpha", 1f / 6f).real("beta", 0.5f);
                String y = onnx.fresh("hardswish");
                onnx.node("Mul", List.of(x, gate), y);
                activations.put(out, y);
            }
            case BuiltinOperator.AVERAGE_POOL_2D -> {
                Pool2DOptions o = (Pool2DOptions) op.builtinOptions(new Pool2DOptions());
                int[] in = shape(op.inputs(0));
                long[] pads = pads(o.padding(), in[1], in[2], o.filterHeight(), o.filterWidth(), o.strideH(), o.strideW(), 1, 1);
                String y = onnx.fresh("avgpool");
                onnx.node("AveragePool", List.of(activation(op.inputs(0))), y)
                        .ints("kernel_shape", o.filterHeight(), o.filterWidth())
                        .ints("strides", o.strideH(), o.strideW())
                        .ints("pads", pads)
                        .integer("count_include_pad", 0);
                activations.put(out, activate(y, o.fusedActivationFunction()));
            }
            case BuiltinOperator.RESIZE_BILINEAR -> {
                ResizeBilinearOptions o = (ResizeBilinearOptions) op.builtinOptions(new ResizeBilinearOptions());
                int[] target = shape(out);
                String sizes = onnx.fresh("sizes");
                onnx.int64s(sizes, new long[] {target[0], target[3], target[1], target[2]});
                String mode = o != null && o.alignCorners() ? "align_corners"
                        : o != null && o.halfPixelCenters() ? "half_pixel" : "asymmetric";
                String y = onnx.fresh("resize");
                onnx.node("Resize", List.of(activation(op.inputs(0)), "", "", sizes), y)
                        .text("mode", "linear").text("coordinate_transformation_mode", mode);
                activations.put(out, y);
            }
            case BuiltinOperator.CUSTOM -> {
                if (!"Convolution2DTransposeBias".equals(code.customCode())) {
                    throw new IllegalArgumentException("custom TFLite operator " + code.customCode() + " is not supported");
                }
                transposeConvBias(op);
            }
            default -> throw new IllegalArgumentException("TFLite operator " + BuiltinOperator.name(builtin) + " is not supported");
        }
    }

    /**
     * MediaPipe's transposed convolution with bias (kernel 2×2, stride 2, SAME): an ONNX
     * ConvTranspose whose weight is the TFLite kernel [O, H, W, I] permuted to [I, O, H, W].
     */
    private void transposeConvBias(Operator op) {
        int[] w = shape(op.inputs(1));
        int o = w[0];
        int kh = w[1];
        int kw = w[2];
        int i = w[3];
        float[] kernel = constant(op.inputs(1));
        float[] iohw = new float[kernel.length];
        for (int a = 0; a < o; a++) {
            for (int y = 0; y < kh; y++) {
                for (int x = 0; x < kw; x++) {
                    for (int c = 0; c < i; c++) {
                        iohw[((c * o + a) * kh + y) * kw + x] = kernel[((a * kh + y) * kw + x) * i + c];
                    }
                }
            }
        }
        String weights = onnx.fresh("wt");
        onnx.floats(weights, new long[] {i, o, kh, kw}, iohw);
        float[] bias = constant(op.inputs(2));
        String b = onnx.fresh("bt");
        onnx.floats(b, new long[] {bias.length}, bias);
        int[] in = shape(op.inputs(0));
        int[] out = shape(op.outputs(0));
        int sh = out[1] / in[1];
        int sw = out[2] / in[2];
        String y = onnx.fresh("convtranspose");
        onnx.node("ConvTranspose", List.of(activation(op.inputs(0)), weights, b), y)
                .ints("kernel_shape", kh, kw)
                .ints("strides", sh, sw)
                .ints("output_shape", out[1], out[2]);
        activations.put(op.outputs(0), y);
    }

    /** An operand of an element-wise op: an activation, or a constant laid out for NCHW broadcasting. */
    private String operand(int tensor) {
        String a = activations.get(tensor);
        if (a != null) {
            return a;
        }
        float[] v = constant(tensor);
        int[] s = shape(tensor);
        String name = onnx.fresh("const");
        if (s.length == 4) {
            float[] nchw = new float[v.length];
            for (int y = 0; y < s[1]; y++) {
                for (int x = 0; x < s[2]; x++) {
                    for (int c = 0; c < s[3]; c++) {
                        nchw[(c * s[1] + y) * s[2] + x] = v[(y * s[2] + x) * s[3] + c];
                    }
                }
            }
            onnx.floats(name, new long[] {s[0], s[3], s[1], s[2]}, nchw);
        } else if (s.length == 1 || s.length == 3) {
            onnx.floats(name, new long[] {v.length, 1, 1}, v);
        } else {
            onnx.floats(name, new long[] {}, v);
        }
        return name;
    }

    private void conv(Operator op, boolean depthwise) {
        int[] in = shape(op.inputs(0));
        int[] w = shape(op.inputs(1)); // CONV: [O, H, W, I]; DEPTHWISE: [1, H, W, C·m]
        float[] kernel = constant(op.inputs(1));
        int padding;
        int strideH;
        int strideW;
        int dilH;
        int dilW;
        int activation;
        if (depthwise) {
            DepthwiseConv2DOptions o = (DepthwiseConv2DOptions) op.builtinOptions(new DepthwiseConv2DOptions());
            padding = o.padding(); strideH = o.strideH(); strideW = o.strideW();
            dilH = Math.max(1, o.dilationHFactor()); dilW = Math.max(1, o.dilationWFactor());
            activation = o.fusedActivationFunction();
        } else {
            Conv2DOptions o = (Conv2DOptions) op.builtinOptions(new Conv2DOptions());
            padding = o.padding(); strideH = o.strideH(); strideW = o.strideW();
            dilH = Math.max(1, o.dilationHFactor()); dilW = Math.max(1, o.dilationWFactor());
            activation = o.fusedActivationFunction();
        }
        int kh = w[1];
        int kw = w[2];
        String weights = onnx.fresh("w");
        long groups = 1;
        if (depthwise) {
            int channels = w[3];
            float[] oihw = new float[kernel.length];
            for (int y = 0; y < kh; y++) {
                for (int x = 0; x < kw; x++) {
                    for (int c = 0; c < channels; c++) {
                        oihw[(c * kh + y) * kw + x] = kernel[(y * kw + x) * channels + c];
                    }
                }
            }
            onnx.floats(weights, new long[] {channels, 1, kh, kw}, oihw);
            groups = in[3];
        } else {
            int o = w[0];
            int i = w[3];
            float[] oihw = new float[kernel.length];
            for (int a = 0; a < o; a++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        for (int c = 0; c < i; c++) {
                            oihw[((a * i + c) * kh + y) * kw + x] = kernel[((a * kh + y) * kw + x) * i + c];
                        }
                    }
                }
            }
            onnx.floats(weights, new long[] {o, i, kh, kw}, oihw);
        }
        List<String> inputs = new ArrayList<>(List.of(activation(op.inputs(0)), weights));
        if (op.inputsLength() > 2 && op.inputs(2) >= 0) {
            float[] bias = constant(op.inputs(2));
            String b = onnx.fresh("b");
            onnx.floats(b, new long[] {bias.length}, bias);
            inputs.add(b);
        }
        String y = onnx.fresh(depthwise ? "dwconv" : "conv");
        onnx.node("Conv", inputs, y)
                .ints("kernel_shape", kh, kw)
                .ints("strides", strideH, strideW)
                .ints("dilations", dilH, dilW)
                .ints("pads", pads(padding, in[1], in[2], kh, kw, strideH, strideW, dilH, dilW))
                .integer("group", groups);
        activations.put(op.outputs(0), activate(y, activation));
    }

    /** TFLite SAME padding, as ONNX's explicit [top, left, bottom, right] (extra padding goes at the end). */
    private static long[] pads(int padding, int h, int w, int kh, int kw, int sh, int sw, int dh, int dw) {
        if (padding == Padding.VALID) {
            return new long[] {0, 0, 0, 0};
        }
        long ph = Math.max(0, ((long) (h + sh - 1) / sh - 1) * sh + (long) (kh - 1) * dh + 1 - h);
        long pw = Math.max(0, ((long) (w + sw - 1) / sw - 1) * sw + (long) (kw - 1) * dw + 1 - w);
        return new long[] {ph / 2, pw / 2, ph - ph / 2, pw - pw / 2};
    }

    private String activate(String x, int function) {
        return switch (function) {
            case ActivationFunctionType.NONE -> x;
            case ActivationFunctionType.RELU -> {
                String y = onnx.fresh("relu");
                onnx.node("Relu", List.of(x), y);
                yield y;
            }
            case ActivationFunctionType.RELU6 -> {
                String lo = onnx.fresh("zero");
                String hi = onnx.fresh("six");
                onnx.floats(lo, new long[] {}, new float[] {0});
                onnx.floats(hi, new long[] {}, new float[] {6});
                String y = onnx.fresh("relu6");
                onnx.node("Clip", List.of(x, lo, hi), y);
                yield y;
            }
            default -> throw new IllegalArgumentException("fused activation " + ActivationFunctionType.name(function) + " is not supported");
        };
    }

    private String transpose(String x, long[] perm) {
        String y = onnx.fresh("nchw");
        onnx.node("Transpose", List.of(x), y).ints("perm", perm);
        return y;
    }

    private String activation(int tensor) {
        String name = activations.get(tensor);
        if (name == null) {
            throw new IllegalStateException("tensor " + graph.tensors(tensor).name() + " is used before it is produced");
        }
        return name;
    }

    private float[] constant(int tensor) {
        float[] folded = constants.get(tensor);
        if (folded != null) {
            return folded;
        }
        Tensor t = graph.tensors(tensor);
        ByteBuffer data = model.buffers((int) t.buffer()).dataAsByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        int n = 1;
        for (int d : shape(tensor)) {
            n *= d;
        }
        float[] v = new float[n];
        switch (t.type()) {
            case TensorType.FLOAT16 -> {
                for (int i = 0; i < n; i++) {
                    v[i] = Half.toFloat(data.getShort(data.position() + 2 * i));
                }
            }
            case TensorType.FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    v[i] = data.getFloat(data.position() + 4 * i);
                }
            }
            default -> throw new IllegalArgumentException("constant " + t.name() + " has type " + TensorType.name(t.type()));
        }
        return v;
    }

    private int[] intConstant(int tensor) {
        Tensor t = graph.tensors(tensor);
        ByteBuffer data = model.buffers((int) t.buffer()).dataAsByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        int n = data.remaining() / 4;
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = data.getInt(data.position() + 4 * i);
        }
        return v;
    }

    private int[] shape(int tensor) {
        Tensor t = graph.tensors(tensor);
        int[] s = new int[t.shapeLength()];
        for (int i = 0; i < s.length; i++) {
            s[i] = t.shape(i);
        }
        return s;
    }

    private long[] dims(int tensor) {
        int[] s = shape(tensor);
        long[] d = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            d[i] = s[i];
        }
        return d;
    }
}
