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
import io.headroom.model.ModelFile;
import io.headroom.model.ModelSet;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The models of a models folder, loaded once, and the one place that decides which of them a
 * headshot uses: both face detectors and the face mesh always; the matting pack's network in
 * place of the default selfie segmentation when it is installed; the identity pack's descriptor
 * beside them when that is. The appliance, {@code headroom process}, the style contract kit and
 * the benches all assemble their pipelines here.
 *
 * <p>Thread-safe for {@link #worker}: the models are shared; each worker gets predictors of its
 * own. Close the workers before the models.
 */
public final class InstalledModels implements AutoCloseable {

    private final ModelSet set;
    private final BlazeFaceModel front;
    private final BlazeFaceModel back;
    private final FaceLandmarkModel landmarks;
    private final SelfieSegmentationModel segmentation;
    private final RobustMattingModel matting;
    private final FaceEmbeddingModel identity;

    private InstalledModels(ModelSet set, BlazeFaceModel front, BlazeFaceModel back, FaceLandmarkModel landmarks,
                            SelfieSegmentationModel segmentation, RobustMattingModel matting, FaceEmbeddingModel identity) {
        this.set = set;
        this.front = front;
        this.back = back;
        this.landmarks = landmarks;
        this.segmentation = segmentation;
        this.matting = matting;
        this.identity = identity;
    }

    /**
     * Loads every model a headshot uses from {@code set} (whose files' hashes were checked when it
     * was opened) on {@code device}, each predictor with {@code threads} intra-op threads.
     */
    public static InstalledModels load(ModelSet set, InferenceDevice device, int threads) {
        Deque<AutoCloseable> loaded = new ArrayDeque<>();
        try {
            BlazeFaceModel front = opened(loaded, BlazeFaceModel.load(set, BlazeFaceModel.Variant.FRONT, device, threads, 0.5));
            BlazeFaceModel back = opened(loaded, BlazeFaceModel.load(set, BlazeFaceModel.Variant.BACK, device, threads, 0.5));
            FaceLandmarkModel landmarks = opened(loaded, FaceLandmarkModel.load(set, device, threads));
            // The matting pack, when installed, replaces the default segmentation.
            RobustMattingModel matting = RobustMattingModel.loadIfInstalled(set, device, threads).map(m -> opened(loaded, m)).orElse(null);
            SelfieSegmentationModel segmentation = matting != null ? null : opened(loaded, SelfieSegmentationModel.load(set, device, threads));
            FaceEmbeddingModel identity = FaceEmbeddingModel.loadIfInstalled(set, device, threads).map(m -> opened(loaded, m)).orElse(null);
            return new InstalledModels(set, front, back, landmarks, segmentation, matting, identity);
        } catch (RuntimeException e) {
            closeAll(loaded);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T opened(Deque<AutoCloseable> loaded, T model) {
        loaded.push(model);
        return model;
    }

    /** One worker's pipeline and the predictors it owns. */
    public static final class Worker implements AutoCloseable {

        private final Deque<AutoCloseable> predictors = new ArrayDeque<>();
        private final HeadshotPipeline pipeline;
        private final LandmarkDetector landmarks;
        private final PersonSegmenter segmenter;

        private Worker(InstalledModels m, AnalysisSettings analysis, HeadshotEncoder encoder) {
            try {
                FaceDetector front = own(m.front.detector());
                FaceDetector back = own(m.back.detector());
                landmarks = own(m.landmarks.detector());
                segmenter = own(m.matting != null ? m.matting.segmenter() : m.segmentation.segmenter());
                FaceEmbedder embedder = m.identity == null ? null : own(m.identity.embedder());
                pipeline = new HeadshotPipeline(new FaceAnalysis(front, back, landmarks, embedder, analysis), analysis.analysisMaxSide(),
                        segmenter, encoder);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        private <T extends AutoCloseable> T own(T predictor) {
            predictors.push(predictor);
            return predictor;
        }

        public HeadshotPipeline pipeline() {
            return pipeline;
        }

        /** The worker's face mesh, for measuring steps on their own (benches). */
        public LandmarkDetector landmarks() {
            return landmarks;
        }

        /** The worker's person segmenter (the matting pack's where installed). */
        public PersonSegmenter segmenter() {
            return segmenter;
        }

        /** Closes the worker's predictors; the models stay loaded. */
        @Override
        public void close() {
            closeAll(predictors);
        }
    }

    /** A pipeline with predictors of its own, for one worker thread. */
    public Worker worker(AnalysisSettings analysis, HeadshotEncoder encoder) {
        return new Worker(this, analysis, encoder);
    }

    /** The roles of the models a headshot uses (the packs' where installed), sorted. */
    public Set<String> roles() {
        Set<String> roles = new TreeSet<>(List.of(BlazeFaceModel.Variant.FRONT.role(), BlazeFaceModel.Variant.BACK.role(), FaceLandmarkModel.ROLE));
        roles.add(matting != null ? RobustMattingModel.ROLE : SelfieSegmentationModel.ROLE);
        if (identity != null) {
            roles.add(FaceEmbeddingModel.ROLE);
        }
        return Collections.unmodifiableSet(roles);
    }

    /** The files of the models folder (all of them, used or not). */
    public List<ModelFile> files() {
        return set.files();
    }

    /** Closes the models; their workers must be closed (or no longer used) first. */
    @Override
    public void close() {
        Deque<AutoCloseable> all = new ArrayDeque<>();
        for (AutoCloseable m : new AutoCloseable[] {front, back, landmarks, segmentation, matting, identity}) {
            if (m != null) {
                all.push(m);
            }
        }
        closeAll(all);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                // Closing native sessions: nothing to recover, and the others must still close.
            }
        }
    }
}
