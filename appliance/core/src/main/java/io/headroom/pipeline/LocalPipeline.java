package io.headroom.pipeline;

import io.headroom.face.AnalysisSettings;
import io.headroom.face.InferenceDevice;
import io.headroom.framing.HeadshotEncoder;
import io.headroom.model.ModelSet;
import java.util.Set;

/**
 * The installed models ({@link InstalledModels}) on the CPU and one worker on top: what the
 * command-line tools and the style contract kit run on a single thread.
 */
public final class LocalPipeline implements AutoCloseable {

    private final InstalledModels models;
    private final InstalledModels.Worker worker;

    public LocalPipeline(ModelSet set, HeadshotEncoder encoder) {
        this(set, AnalysisSettings.DEFAULT, encoder);
    }

    public LocalPipeline(ModelSet set, AnalysisSettings analysis, HeadshotEncoder encoder) {
        models = InstalledModels.load(set, InferenceDevice.CPU, Runtime.getRuntime().availableProcessors());
        try {
            worker = models.worker(analysis, encoder);
        } catch (RuntimeException e) {
            models.close();
            throw e;
        }
    }

    public HeadshotPipeline pipeline() {
        return worker.pipeline();
    }

    /** The roles of the models its headshots use. */
    public Set<String> roles() {
        return models.roles();
    }

    /** Closes the worker's predictors, then the models. */
    @Override
    public void close() {
        worker.close();
        models.close();
    }
}
