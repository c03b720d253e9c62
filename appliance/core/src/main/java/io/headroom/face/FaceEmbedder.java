package io.headroom.face;

import java.awt.image.BufferedImage;

/** Embeds a detected face. One instance per worker thread. */
public interface FaceEmbedder extends AutoCloseable {

    Embedding embed(BufferedImage image, Face face);

    @Override
    void close();
}
