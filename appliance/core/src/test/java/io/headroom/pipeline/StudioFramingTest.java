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
 * (not the pipeline's check): the shipped segmentation model run again on the delivered JPEG.
 *
 * <p>Thresholds: the person covers at least a third of the bottom 1 % of rows (shoulders run out
 * of the frame; a strip of backdrop under a bust leaves none), and at most 5 % of the columns
 * where the person is present in the lowest 6 % of rows have backdrop below the person (a bust
 * ending in a straight or slanted line just above the edge shows in most of them).
 *
 * <p>The contact sheets (photo beside headshot) are written to {@code target/studio-framing/} to
 * be looked at.
 */
class StudioFramingTest {

    /** The shared photos that gave headshots before the studio-grade framing; each still does. */
    static final List<String> GIVE_HEADSHOTS = List.of("lisa_webcam_01.jpg", "lisa_webcam_01_rot90cw.jpg", "lisa_webcam_02.jpg",
            "lisa_webcam_03.jpg", "lisa_webcam_04.jpg", "lisa_zoom_15cm.jpg", "lisa_zoom_60cm.jpg", "london_005_neutral.jpg",
            "london_005_neutral_tilt35ccw.jpg", "london_005_smiling.jpg", "london_006_neutral.jpg", "london_006_smiling.jpg",
            "london_021_neutral.jpg", "london_021_smiling.jpg", "london_025_neutral_INJECTED_gps_exif_only.jpg",
            "london_030_neutral_exif_orientation_3.jpg", "london_030_neutral_exif_orientation_6.jpg", "obama_2009_congress_address.jpg",
            "obama_2010_blue_room.jpg", "obama_2012_oval_office_portrait.jpg", "riga_old_man_REAL_GPS_xmp_face_region.jpg",
            "lisa_webcam_03_INJECTED_gps.png", "obama_2009_congress_address_rgba.png", "london_005_smiling_INJECTED_gps.webp");

    static final double MIN_BOTTOM_PERSON = 1.0 / 3;
    static final double MAX_FLOATING_COLUMNS = 0.05;

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
        for (String name : GIVE_HEADSHOTS) {
            byte[] photo = INTAKE.clean(TestPhotos.bytes(name)).encoded();
            PhotoAnalysis a = pipeline.analyse(photo);
            assertTrue(a.usable(), name + " is usable: " + a.reasons());
            Rendered r = pipeline.render(photo, a.face().orElseThrow(), Optional.empty(), List.of(Aspect.SQUARE, Aspect.PORTRAIT));
            if (r.headshots().isEmpty()) {
                failures.add(name + ": no headshot (" + r.skipped() + ")");
            }
            for (Headshot h : r.headshots()) {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(h.jpeg()));
                float[] person = judge.segment(img);
                double bottom = bottomPerson(person, img.getWidth(), img.getHeight());
                double floating = floatingColumns(person, img.getWidth(), img.getHeight());
                String what = name + " " + h.aspect().name() + " (" + h.composition().name() + "): ";
                if (!h.extended().isEmpty()) {
                    extended.add(name + " " + h.aspect().name() + " " + h.extended());
                }
                if (bottom < MIN_BOTTOM_PERSON) {
                    failures.add(what + "person along the bottom " + bottom);
                }
                if (floating > MAX_FLOATING_COLUMNS) {
                    failures.add(what + "backdrop under the person in " + floating + " of the columns");
                }
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

    /** The person's share of the bottom 1 % of rows (at least 2), by the judge's matte. */
    static double bottomPerson(float[] person, int w, int h) {
        int rows = Math.max(2, h / 100);
        long n = 0;
        for (int y = h - rows; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (person[y * w + x] > 0.5f) {
                    n++;
                }
            }
        }
        return (double) n / ((long) rows * w);
    }

    /**
     * Of the columns where the person is present in the lowest 6 % of the frame, the share in
     * which the person ends more than 1 % of the height above the bottom: a bust that stops in a
     * line just above the frame's edge, or a slanted cut edge crossing it.
     */
    static double floatingColumns(float[] person, int w, int h) {
        int from = h - Math.max(4, h * 6 / 100);
        int gap = Math.max(2, h / 100);
        int present = 0;
        int floating = 0;
        for (int x = 0; x < w; x++) {
            int lowest = -1;
            for (int y = from; y < h; y++) {
                if (person[y * w + x] > 0.5f) {
                    lowest = y;
                }
            }
            if (lowest < 0) {
                continue;
            }
            present++;
            if (lowest < h - 1 - gap) {
                floating++;
            }
        }
        return present == 0 ? 1 : (double) floating / present;
    }
}
