package io.headroom.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.face.Face;
import io.headroom.face.TestDetectors;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.intake.TestPhotos;
import io.headroom.matte.PersonSegmenter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Riga portrait ends just under the man's collar: no 4:5 composition lies inside the photo,
 * and its shirt is continued past the photo's bottom edge for a few rows.
 */
class ClothingExtensionTest {

    private static final PhotoCleaner INTAKE = new PhotoCleaner(IntakeLimits.DEFAULT, new DecodeBudget(200_000_000L, Duration.ofSeconds(5)));
    private static final String PHOTO = "riga_old_man_REAL_GPS_xmp_face_region.jpg";

    @Test
    void theShirtIsContinuedPastTheBottomAndNothingOfThePhotoChanges() {
        byte[] photo = INTAKE.clean(TestPhotos.bytes(PHOTO)).encoded();
        Face face = TestDetectors.analyseCleaned(photo).face().orElseThrow();
        EncodedImageSource source = new EncodedImageSource(photo);
        Framer framer = new Framer(FramingRules.DEFAULT);
        assertEquals(Optional.empty(), framer.compose(source.width(), source.height(), face, Aspect.PORTRAIT), "no 4:5 frame lies inside the photo");
        Composition c = framer.extendable(source.width(), source.height(), face, Aspect.PORTRAIT).orElseThrow();

        Framed framed = framer.frame(source, face, Aspect.PORTRAIT, c);
        int w = framed.image().getWidth();
        int h = framed.image().getHeight();
        int[] before = framed.image().getRGB(0, 0, w, h, null, 0, w);
        Framed extended;
        try (PersonSegmenter segmenter = TestDetectors.SEGMENTATION.segmenter()) {
            extended = new ClothingExtension().extend(framed, segmenter.segment(framed.image())).orElseThrow();
        }
        assertEquals(List.of("bottom"), extended.extended());
        int[] after = extended.image().getRGB(0, 0, w, h, null, 0, w);
        byte[] beyond = extended.beyond();
        float[] extension = extended.extension();
        int chin = (int) Math.ceil((c.eyeLine() * h) + 0.5 * c.faceWidth() * w);
        int changed = 0;
        int person = 0;
        for (int i = 0; i < after.length; i++) {
            if (beyond[i] == 0) {
                assertEquals(before[i], after[i], "a pixel of the photo itself changed at " + (i % w) + "," + (i / w));
            } else if (after[i] != before[i]) {
                changed++;
                assertTrue(i / w >= chin, "only below the neck's start is anything made, not at row " + (i / w));
            }
            if (extension[i] > 0.5f) {
                person++;
                assertTrue(i / w >= chin, "the continued person starts below the neck");
            }
        }
        assertTrue(changed > 0, "the pixels past the photo's bottom were synthesised");
        // The shirt runs across the whole bottom: the continued person covers most of the rows past the photo.
        int bottomRow = (h - 1) * w;
        int across = 0;
        for (int x = 0; x < w; x++) {
            across += extension[bottomRow + x] > 0.5f ? 1 : 0;
        }
        assertTrue(across > w / 2, "the shirt crosses the bottom edge: " + across + " of " + w);
        assertTrue(person > 0);
    }
}
