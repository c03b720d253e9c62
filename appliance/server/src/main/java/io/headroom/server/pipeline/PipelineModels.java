package io.headroom.server.pipeline;

import io.headroom.face.AnalysisSettings;
import io.headroom.face.InferenceDevice;
import io.headroom.framing.HeadshotEncoder;
import io.headroom.model.ModelFile;
import io.headroom.model.ModelSet;
import io.headroom.pipeline.HeadshotPipeline;
import io.headroom.pipeline.InstalledModels;
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
    private InstalledModels installed;
    private InferenceDevice device;

    /** Loads the models; called once at start-up. Fails loudly for CUDA configured but missing. */
    public synchronized void start() {
        device = InferenceDevice.of(settings.inferenceDevice()).requireAvailable();
        models = ModelSet.open(settings.modelsDirectory().toAbsolutePath().normalize());
        installed = InstalledModels.load(models, device, settings.inferenceThreads());
        LOG.info(() -> "Models loaded on " + device.label() + " (" + settings.inferenceThreads() + " thread(s) per worker): "
                + String.join(", ", models.files().stream().filter(f -> installed.roles().contains(f.role())).map(ModelFile::file).toList()));
    }

    /**
     * A pipeline for the calling worker thread; it owns detectors (predictors) of its own, kept
     * for the thread's life and released with the models.
     */
    public HeadshotPipeline newPipeline() {
        AnalysisSettings analysis = new AnalysisSettings(settings.minEyeDistance(), AnalysisSettings.DEFAULT.minSharpness(),
                AnalysisSettings.DEFAULT.analysisMaxSide());
        return installed.worker(analysis, new HeadshotEncoder(settings.jpegQuality(), settings.outputComment(), settings.aiDisclosure()))
                .pipeline();
    }

    /** The models folder, for a report's list of models. */
    public ModelSet modelSet() {
        return models;
    }

    /** The roles of the models loaded (optional packs included when installed). */
    public java.util.Set<String> roles() {
        return installed.roles();
    }

    public String deviceLabel() {
        return device == null ? "not loaded" : device.label();
    }

    public List<ModelFile> files() {
        return models == null ? List.of() : models.files();
    }

    @PreDestroy
    synchronized void close() {
        if (installed != null) {
            installed.close();
        }
    }
}
