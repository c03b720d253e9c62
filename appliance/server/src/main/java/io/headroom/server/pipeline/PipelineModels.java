package io.headroom.server.pipeline;

import io.headroom.face.AnalysisSettings;
import io.headroom.face.BlazeFaceModel;
import io.headroom.face.FaceAnalysis;
import io.headroom.face.FaceEmbedder;
import io.headroom.face.FaceLandmarkModel;
import io.headroom.face.InferenceDevice;
import io.headroom.matte.RobustMattingModel;
import io.headroom.matte.SelfieSegmentationModel;
import io.headroom.framing.HeadshotEncoder;
import io.headroom.identity.FaceEmbeddingModel;
import io.headroom.model.ModelFile;
import io.headroom.model.ModelSet;
import io.headroom.pipeline.HeadshotPipeline;
import io.headroom.server.config.HeadroomSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * The models, loaded once for the application (hashes verified first), and a pipeline per worker
 * thread on top of them: one model instance, one predictor per worker.
 */
@ApplicationScoped
public class PipelineModels {

    private static final Logger LOG = Logger.getLogger(PipelineModels.class.getName());

    @Inject
    HeadroomSettings settings;

    private ModelSet models;
    private BlazeFaceModel front;
    private BlazeFaceModel back;
    private SelfieSegmentationModel segmentation;
    private RobustMattingModel matting;
    private FaceLandmarkModel landmarks;
    private FaceEmbeddingModel identity;
    private InferenceDevice device;

    /** Loads the models; called once at start-up. Fails loudly for CUDA configured but missing. */
    public synchronized void start() {
        device = InferenceDevice.of(settings.inferenceDevice()).requireAvailable();
        models = ModelSet.open(settings.modelsDirectory().toAbsolutePath().normalize());
        front = BlazeFaceModel.load(models, BlazeFaceModel.Variant.FRONT, device, settings.inferenceThreads(), 0.5);
        back = BlazeFaceModel.load(models, BlazeFaceModel.Variant.BACK, device, settings.inferenceThreads(), 0.5);
        // The matting pack, when installed, replaces the default segmentation.
        matting = RobustMattingModel.loadIfInstalled(models, device, settings.inferenceThreads()).orElse(null);
        segmentation = matting != null ? null : SelfieSegmentationModel.load(models, device, settings.inferenceThreads());
        landmarks = FaceLandmarkModel.load(models, device, settings.inferenceThreads());
        identity = FaceEmbeddingModel.loadIfInstalled(models, device, settings.inferenceThreads()).orElse(null);
        LOG.info(() -> "Models loaded on " + device.label() + " (" + settings.inferenceThreads() + " thread(s) per worker): "
                + String.join(", ", models.files().stream().map(ModelFile::file).toList()));
    }

    /** A pipeline for the calling worker thread; it owns detectors (predictors) of its own. */
    public HeadshotPipeline newPipeline() {
        AnalysisSettings analysis = new AnalysisSettings(settings.minEyeDistance(), AnalysisSettings.DEFAULT.minSharpness(),
                AnalysisSettings.DEFAULT.analysisMaxSide());
        FaceEmbedder embedder = identity == null ? null : identity.embedder();
        return new HeadshotPipeline(new FaceAnalysis(front.detector(), back.detector(), landmarks.detector(), embedder, analysis),
                analysis.analysisMaxSide(),
                matting != null ? matting.segmenter() : segmentation.segmenter(), new HeadshotEncoder(settings.jpegQuality(), settings.outputComment(), settings.aiDisclosure()));
    }

    public String deviceLabel() {
        return device == null ? "not loaded" : device.label();
    }

    public List<ModelFile> files() {
        return models == null ? List.of() : models.files();
    }

    @PreDestroy
    synchronized void close() {
        if (front != null) {
            front.close();
        }
        if (back != null) {
            back.close();
        }
        if (segmentation != null) {
            segmentation.close();
        }
        if (matting != null) {
            matting.close();
        }
        if (landmarks != null) {
            landmarks.close();
        }
        if (identity != null) {
            identity.close();
        }
    }
}
