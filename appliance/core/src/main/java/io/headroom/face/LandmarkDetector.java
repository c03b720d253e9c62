package io.headroom.face;

import java.awt.image.BufferedImage;

/** The 468 landmarks of a detected face. One instance per worker thread. */
public interface LandmarkDetector extends AutoCloseable {

    FaceLandmarks landmarks(BufferedImage image, Face face);

    @Override
    void close();
}
