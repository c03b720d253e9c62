package io.headroom.pipeline;

import io.headroom.face.AnalysisSettings;
import io.headroom.face.BlazeFaceModel;
import io.headroom.face.FaceAnalysis;
import io.headroom.face.FaceDetector;
import io.headroom.face.FaceEmbedder;
import io.headroom.face.FaceLandmarkModel;
import io.headroom.face.InferenceDevice;
import io.headroom.face.LandmarkDetector;
import io.headroom.framing.HeadshotEncoder;
import io.headroom.identity.FaceEmbeddingModel;
import io.headroom.matte.PersonSegmenter;
import io.headroom.matte.RobustMattingModel;
import io.headroom.matte.SelfieSegmentationModel;
import io.headroom.model.ModelSet;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Every model of a models folder loaded on the CPU for one thread, and the pipeline on top: what
 * the command-line tools and the style contract kit run. The packs' models are used when
 * installed: matting in place of the default segmentation, identity besides. (The server loads
 * its models once and gives each worker its own predictors instead.)
 */
public final class LocalPipeline implements AutoCloseable {

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final HeadshotPipeline pipeline;

    public LocalPipeline(ModelSet models, HeadshotEncoder encoder) {
        int threads = Runtime.getRuntime().availableProcessors();
        try {
            FaceDetector front = open(open(BlazeFaceModel.load(models, BlazeFaceModel.Variant.FRONT, InferenceDevice.CPU, threads, 0.5)).detector());
            FaceDetector back = open(open(BlazeFaceModel.load(models, BlazeFaceModel.Variant.BACK, InferenceDevice.CPU, threads, 0.5)).detector());
            LandmarkDetector landmarks = open(open(FaceLandmarkModel.load(models, InferenceDevice.CPU, threads)).detector());
            PersonSegmenter segmenter;
            RobustMattingModel matting = RobustMattingModel.loadIfInstalled(models, InferenceDevice.CPU, threads).orElse(null);
            if (matting != null) {
                segmenter = open(matting).segmenter();
            } else {
                segmenter = open(SelfieSegmentationModel.load(models, InferenceDevice.CPU, threads)).segmenter();
            }
            FaceEmbeddingModel identity = FaceEmbeddingModel.loadIfInstalled(models, InferenceDevice.CPU, threads).orElse(null);
            FaceEmbedder embedder = identity == null ? null : open(open(identity).embedder());
            pipeline = new HeadshotPipeline(new FaceAnalysis(front, back, landmarks, embedder, AnalysisSettings.DEFAULT),
                    AnalysisSettings.DEFAULT.analysisMaxSide(), segmenter, encoder);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private <T extends AutoCloseable> T open(T resource) {
        opened.push(resource);
        return resource;
    }

    public HeadshotPipeline pipeline() {
        return pipeline;
    }

    /** Closes predictors before their models, in reverse order of opening. */
    @Override
    public void close() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                // Closing native sessions: nothing to recover, and the others must still close.
            }
        }
    }
}
