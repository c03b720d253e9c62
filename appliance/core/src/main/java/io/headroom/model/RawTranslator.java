package io.headroom.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Floats in (one input of a fixed shape), every output tensor as floats out, each tagged with
 * its second and last dimensions so callers need not rely on the order in which a graph lists
 * its outputs. No batchifier: the default one stacks, which ONNX Runtime's DJL engine does not
 * implement; pre- and post-processing happen in plain Java for the same reason.
 */
public final class RawTranslator implements Translator<float[], float[][]> {

    private final long[] inputShape;

    public RawTranslator(long... inputShape) {
        this.inputShape = inputShape.clone();
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[] input) {
        NDArray array = ctx.getNDManager().create(input, new Shape(inputShape));
        return new NDList(array);
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
        List<float[]> out = new ArrayList<>();
        for (NDArray a : list) {
            long[] shape = a.getShape().getShape();
            float[] data = a.toFloatArray();
            float[] tagged = new float[data.length + 2];
            tagged[0] = shape.length > 1 ? shape[1] : 0;
            tagged[1] = shape[shape.length - 1];
            System.arraycopy(data, 0, tagged, 2, data.length);
            out.add(tagged);
        }
        return out.toArray(new float[0][]);
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }

    /** The data of a tagged output, without its two tag values. */
    public static float[] data(float[] tagged) {
        float[] data = new float[tagged.length - 2];
        System.arraycopy(tagged, 2, data, 0, data.length);
        return data;
    }
}
