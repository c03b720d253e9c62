package io.headroom.face;

import java.awt.image.BufferedImage;
import java.util.List;

/** The shipped front detector, for tests of other packages that need to find a face again. */
public final class TestDetectors {

    private static final FaceDetector FRONT = Models.FRONT.detector();
    private static final FaceAnalysis ANALYSIS = Models.analysis();

    private TestDetectors() {
    }

    /** The shipped segmentation model, for tests of other packages. */
    public static final io.headroom.matte.SelfieSegmentationModel SEGMENTATION =
            io.headroom.matte.SelfieSegmentationModel.load(Models.SET, InferenceDevice.CPU, 1);

    /** Full analysis of a cleaned photo's bytes. */
    public static synchronized PhotoAnalysis analyseCleaned(byte[] cleaned) {
        try {
            return ANALYSIS.analyse(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(cleaned)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static synchronized PhotoAnalysis analyseImage(BufferedImage image) {
        return ANALYSIS.analyse(image);
    }

    /** A fresh analysis (one worker's detectors) that also embeds faces with {@code embedder}. */
    public static FaceAnalysis analysisWith(FaceEmbedder embedder) {
        return new FaceAnalysis(Models.FRONT.detector(), Models.BACK.detector(), Models.LANDMARKS.detector(), embedder, AnalysisSettings.DEFAULT);
    }

    /** The face mesh of a face found in the image. */
    public static synchronized FaceLandmarks landmarks(BufferedImage image, Face face) {
        return ANALYSIS.landmarks(image, face).orElseThrow();
    }

    /** The single most confident face. */
    public static synchronized Face detectOne(BufferedImage image) {
        List<Face> faces = FRONT.detect(image);
        if (faces.isEmpty()) {
            throw new AssertionError("no face found again in the output");
        }
        return faces.get(0);
    }
}
