package io.headroom.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.face.PhotoAnalysis;
import io.headroom.face.TestDetectors;
import io.headroom.framing.Aspect;
import io.headroom.framing.HeadshotEncoder;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.intake.TestPhotos;
import io.headroom.matte.PersonSegmenter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every usable shared photo, in the default style and both aspects: the photos that give
 * headshots are pinned, and each delivered headshot is judged by a detector of this test's own
 * (not the pipeline's check): {@link FramingJudge}.
 *
 * <p>The contact sheets (photo beside headshot) are written to {@code target/studio-framing/} to
 * be looked at.
 */
class StudioFramingTest {


    private static final PhotoCleaner INTAKE = new PhotoCleaner(IntakeLimits.DEFAULT, new DecodeBudget(400_000_000L, Duration.ofSeconds(20)));
    private static PersonSegmenter pipelineSegmenter;
    private static PersonSegmenter judge;
    private static HeadshotPipeline pipeline;

    @BeforeAll
    static void open() {
        pipelineSegmenter = TestDetectors.SEGMENTATION.segmenter();
        judge = TestDetectors.SEGMENTATION.segmenter();
        pipeline = new HeadshotPipeline(TestDetectors.analysisWith(null), 1024, pipelineSegmenter, new HeadshotEncoder(90, ""));
    }

    @AfterAll
    static void close() {
        pipelineSegmenter.close();
        judge.close();
    }

    @Test
    void everyUsableSharedPhotoGivesHeadshotsWhoseShouldersRunOutOfTheFrame() throws IOException {
        Path sheets = Path.of("target", "studio-framing");
        Files.createDirectories(sheets);
        List<String> failures = new ArrayList<>();
        List<String> extended = new ArrayList<>();
        for (String name : FramingJudge.GIVE_HEADSHOTS) {
            byte[] photo = INTAKE.clean(TestPhotos.bytes(name)).encoded();
            PhotoAnalysis a = pipeline.analyse(photo);
            assertTrue(a.usable(), name + " is usable: " + a.reasons());
            Rendered r = pipeline.render(photo, a.face().orElseThrow(), Optional.empty(), List.of(Aspect.SQUARE, Aspect.PORTRAIT));
            if (r.headshots().isEmpty()) {
                failures.add(name + ": no headshot (" + r.skipped() + ")");
            }
            for (Headshot h : r.headshots()) {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(h.jpeg()));
                String what = name + " " + h.aspect().name() + " (" + h.composition().name() + "): ";
                if (!h.extended().isEmpty()) {
                    extended.add(name + " " + h.aspect().name() + " " + h.extended());
                }
                FramingJudge.verdict(judge, img).ifPresent(v -> failures.add(what + v));
                Files.write(sheets.resolve(name.replaceAll("\\.[a-z]+$", "") + "-" + h.aspect().slug() + ".jpg"),
                        ContactSheet.of(photo, h.jpeg()));
            }
        }
        assertEquals(List.of(), failures);
        // The portrait that ends under the collar is delivered in 4:5 too, its shirt continued a few rows.
        assertEquals(List.of("riga_old_man_REAL_GPS_xmp_face_region.jpg 4:5 [bottom]"), extended);
    }

    /** A selfie from 60 cm ranks above one from 15 cm of the same person: it fills a head-and-shoulders frame. */
    @Test
    void theSelfieFromAFairDistanceRanksFirst() {
        PhotoAnalysis near = pipeline.analyse(INTAKE.clean(TestPhotos.bytes("lisa_zoom_15cm.jpg")).encoded());
        PhotoAnalysis far = pipeline.analyse(INTAKE.clean(TestPhotos.bytes("lisa_zoom_60cm.jpg")).encoded());
        assertTrue(far.quality() > near.quality(), "60 cm " + far.quality() + " before 15 cm " + near.quality());
        List<PhotoAnalysis> best = HeadshotPipeline.best(List.of(near, far), PhotoAnalysis::quality, PhotoAnalysis::usable, 2);
        assertEquals(far, best.get(0));
    }
}
