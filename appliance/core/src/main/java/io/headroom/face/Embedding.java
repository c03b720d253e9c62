package io.headroom.face;

import java.util.Arrays;

/**
 * A face embedding: biometric data, so it is held in memory for the job that made it and never
 * stored, logged or returned. {@link #toString()} deliberately shows nothing of it.
 */
public final class Embedding {

    private final float[] values;

    public Embedding(float[] values) {
        double norm = 0;
        for (float v : values) {
            norm += v * v;
        }
        if (norm <= 0) {
            throw new IllegalArgumentException("an embedding cannot be all zeros");
        }
        float inverse = (float) (1 / Math.sqrt(norm));
        this.values = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            this.values[i] = values[i] * inverse;
        }
    }

    /** Cosine similarity, −1 to 1; the same person scores above {@code io.headroom.identity.IdentityCheck#SAME_PERSON}. */
    public double similarity(Embedding other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("embeddings of different models");
        }
        double dot = 0;
        for (int i = 0; i < values.length; i++) {
            dot += values[i] * other.values[i];
        }
        return dot;
    }

    /** Overwrites the values, for when the job is done with them. */
    public void erase() {
        Arrays.fill(values, 0f);
    }

    @Override
    public String toString() {
        return "Embedding[" + values.length + " values]";
    }
}
