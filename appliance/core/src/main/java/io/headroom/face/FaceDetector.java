package io.headroom.face;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Finds faces in an image. The pipeline owns this interface; the ONNX Runtime implementation is
 * one way to provide it. An instance belongs to one thread at a time (a worker), and is closed
 * when the worker ends.
 */
public interface FaceDetector extends AutoCloseable {

    /** Faces with a confidence above the detector's threshold, best first, in image pixels. */
    List<Face> detect(BufferedImage image);

    @Override
    void close();
}
