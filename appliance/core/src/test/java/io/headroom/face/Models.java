package io.headroom.face;

import io.headroom.model.ModelSet;
import java.nio.file.Path;

/** The project's shipped models, loaded once for all face tests. */
final class Models {

    static final ModelSet SET = ModelSet.open(Path.of(System.getProperty("headroom.models.dir", "../../installer/models")));
    static final BlazeFaceModel FRONT = BlazeFaceModel.load(SET, BlazeFaceModel.Variant.FRONT, InferenceDevice.CPU, 1, 0.5);
    static final BlazeFaceModel BACK = BlazeFaceModel.load(SET, BlazeFaceModel.Variant.BACK, InferenceDevice.CPU, 1, 0.5);
    static final FaceLandmarkModel LANDMARKS = FaceLandmarkModel.load(SET, InferenceDevice.CPU, 1);

    private Models() {
    }

    static FaceAnalysis analysis() {
        return new FaceAnalysis(FRONT.detector(), BACK.detector(), LANDMARKS.detector(), AnalysisSettings.DEFAULT);
    }
}
