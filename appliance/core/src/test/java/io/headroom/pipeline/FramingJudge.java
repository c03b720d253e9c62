package io.headroom.pipeline;

import io.headroom.matte.PersonSegmenter;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/**
 * The tests' own judge of a delivered headshot's framing, independent of the pipeline's check:
 * the shipped segmentation model run again on the delivered JPEG.
 *
 * <p>Thresholds: the person covers at least a third of the bottom 1 % of rows (shoulders run out
 * of the frame; a strip of backdrop under a bust leaves none), and at most 5 % of the columns
 * where the person is present in the lowest 6 % of rows have backdrop below the person (a bust
 * ending in a straight or slanted line just above the edge shows in most of them).
 */
public final class FramingJudge {

    /** The shared photos that gave headshots before the studio-grade framing; each still does. */
    public static final List<String> GIVE_HEADSHOTS = List.of("lisa_webcam_01.jpg", "lisa_webcam_01_rot90cw.jpg", "lisa_webcam_02.jpg",
            "lisa_webcam_03.jpg", "lisa_webcam_04.jpg", "lisa_zoom_15cm.jpg", "lisa_zoom_60cm.jpg", "london_005_neutral.jpg",
            "london_005_neutral_tilt35ccw.jpg", "london_005_smiling.jpg", "london_006_neutral.jpg", "london_006_smiling.jpg",
            "london_021_neutral.jpg", "london_021_smiling.jpg", "london_025_neutral_INJECTED_gps_exif_only.jpg",
            "london_030_neutral_exif_orientation_3.jpg", "london_030_neutral_exif_orientation_6.jpg", "obama_2009_congress_address.jpg",
            "obama_2010_blue_room.jpg", "obama_2012_oval_office_portrait.jpg", "riga_old_man_REAL_GPS_xmp_face_region.jpg",
            "lisa_webcam_03_INJECTED_gps.png", "obama_2009_congress_address_rgba.png", "london_005_smiling_INJECTED_gps.webp");

    static final double MIN_BOTTOM_PERSON = 1.0 / 3;
    static final double MAX_FLOATING_COLUMNS = 0.05;

    private FramingJudge() {
    }

    /** What is wrong with the headshot's framing; empty when nothing is. */
    public static Optional<String> verdict(PersonSegmenter judge, BufferedImage headshot) {
        float[] person = judge.segment(headshot);
        int w = headshot.getWidth();
        int h = headshot.getHeight();
        double bottom = bottomPerson(person, w, h);
        if (bottom < MIN_BOTTOM_PERSON) {
            return Optional.of("person along the bottom " + bottom);
        }
        double floating = floatingColumns(person, w, h);
        if (floating > MAX_FLOATING_COLUMNS) {
            return Optional.of("backdrop under the person in " + floating + " of the columns");
        }
        return Optional.empty();
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
