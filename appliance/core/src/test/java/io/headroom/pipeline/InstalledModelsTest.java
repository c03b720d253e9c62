package io.headroom.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.face.AnalysisSettings;
import io.headroom.face.InferenceDevice;
import io.headroom.face.PhotoAnalysis;
import io.headroom.framing.Aspect;
import io.headroom.framing.HeadshotEncoder;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.intake.TestPhotos;
import io.headroom.model.ModelSet;
import io.headroom.model.TestPacks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one assembly of the installed models: which a headshot uses, and a worker that makes one. */
class InstalledModelsTest {

    private static final ModelSet SHIPPED = ModelSet.open(Path.of(System.getProperty("headroom.models.dir", "../../installer/models")));

    @Test
    void theShippedModelsMakeHeadshotsOnAWorkerOfTheirOwn() {
        byte[] photo = new PhotoCleaner(IntakeLimits.DEFAULT, new DecodeBudget(200_000_000L, Duration.ofSeconds(20)))
                .clean(TestPhotos.bytes("london_005_neutral.jpg")).encoded();
        try (InstalledModels models = InstalledModels.load(SHIPPED, InferenceDevice.CPU, 1)) {
            assertEquals(Set.of("face_detection_front", "face_detection_back", "face_landmark", "selfie_segmentation"), models.roles());
            try (InstalledModels.Worker a = models.worker(AnalysisSettings.DEFAULT, new HeadshotEncoder(90, ""));
                 InstalledModels.Worker b = models.worker(AnalysisSettings.DEFAULT, new HeadshotEncoder(90, ""))) {
                PhotoAnalysis found = a.pipeline().analyse(photo);
                assertTrue(found.usable(), found.reasons().toString());
                assertEquals(found.face(), b.pipeline().analyse(photo).face(), "two workers, the same models");
                assertTrue(found.embedding().isEmpty(), "no identity pack, no descriptor");
                assertEquals(1, a.pipeline().render(photo, found.face().orElseThrow(), List.of(Aspect.SQUARE)).headshots().size());
            }
        }
    }

    @Test
    void thePacksTakeTheirPlacesWhereInstalled() {
        try (InstalledModels matting = InstalledModels.load(TestPacks.withMatting(), InferenceDevice.CPU, 1);
             InstalledModels identity = InstalledModels.load(TestPacks.withIdentity(), InferenceDevice.CPU, 1)) {
            assertTrue(matting.roles().contains("matting") && !matting.roles().contains("selfie_segmentation"),
                    "the matting pack replaces the default segmentation: " + matting.roles());
            assertTrue(identity.roles().containsAll(Set.of("face_embedding", "selfie_segmentation")), "the identity pack joins: " + identity.roles());
        }
    }
}
