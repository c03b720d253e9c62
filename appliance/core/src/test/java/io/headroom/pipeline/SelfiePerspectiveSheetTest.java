package io.headroom.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.face.FaceLandmarks;
import io.headroom.face.PhotoAnalysis;
import io.headroom.face.Point;
import io.headroom.face.TestDetectors;
import io.headroom.framing.Aspect;
import io.headroom.framing.HeadshotEncoder;
import io.headroom.intake.CleanedPhoto;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.intake.TestPhotos;
import io.headroom.matte.PersonSegmenter;
import io.headroom.perspective.Perspective;
import io.headroom.style.Style;
import io.headroom.style.StyleDescriptor;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The selfie perspective inside the pipeline, on the shared 15 cm / 60 cm pair: each headshot
 * records its estimate and correction, a style can turn it off, and the corrected headshot's face
 * measures closer to the far photo's. Before/after sheets (photo, headshot as taken, headshot
 * corrected) are written to {@code target/selfie-perspective/} to be looked at.
 */
public class SelfiePerspectiveSheetTest {

    private static final PhotoCleaner INTAKE = new PhotoCleaner(IntakeLimits.DEFAULT, new DecodeBudget(200_000_000L, Duration.ofSeconds(20)));
    private static PersonSegmenter segmenter;
    private static HeadshotPipeline pipeline;

    @BeforeAll
    static void open() {
        segmenter = TestDetectors.SEGMENTATION.segmenter();
        pipeline = new HeadshotPipeline(TestDetectors.analysisWith(null), 1024, segmenter, new HeadshotEncoder(90, ""));
    }

    @AfterAll
    static void close() {
        segmenter.close();
    }

    /** The built-in style with the correction turned off, as a style pack would say it. */
    public static Style asTaken() {
        Style n = Style.natural();
        StyleDescriptor d = n.descriptor();
        return new Style("natural-as-taken", new StyleDescriptor("natural-as-taken", d.name(), d.description(), d.framing(), d.backdrop(),
                d.grade(), d.retouch(), d.aspects(), d.outputWidth(), d.preview(), false), n.lut(), n.hook());
    }

    @Test
    void headshotsRecordTheirPerspectiveAndTheCloseSelfieLooksAsFromFurtherAway() throws IOException {
        Path sheets = Path.of("target", "selfie-perspective");
        Files.createDirectories(sheets);
        for (String name : List.of("lisa_zoom_15cm.jpg", "lisa_zoom_60cm.jpg")) {
            CleanedPhoto photo = INTAKE.clean(TestPhotos.bytes(name));
            PhotoAnalysis a = pipeline.analyse(photo.encoded());
            List<Aspect> aspects = List.of(Aspect.SQUARE, Aspect.PORTRAIT);
            List<Headshot> taken = pipeline.render(photo.encoded(), a.face().orElseThrow(), Optional.empty(), asTaken(), aspects, false,
                    photo.fieldOfView()).headshots();
            List<Headshot> corrected = pipeline.render(photo.encoded(), a.face().orElseThrow(), Optional.empty(), Style.natural(), aspects, false,
                    photo.fieldOfView()).headshots();
            assertEquals(taken.size(), corrected.size(), name + ": the same outputs either way");
            for (int i = 0; i < corrected.size(); i++) {
                Headshot off = taken.get(i);
                Headshot on = corrected.get(i);
                Perspective p = on.perspective();
                assertEquals("style", off.perspective().skipped().orElseThrow(), "the style turned it off");
                assertTrue(p.assumedFov(), "no EXIF in the shared photos: a phone's front camera is assumed");
                assertEquals(off.perspective().distanceCm(), p.distanceCm(), "one estimate either way");
                double[] before = ratios(off.jpeg());
                double[] after = ratios(on.jpeg());
                System.out.printf("%s %s: %s; as taken nose/eyes %.4f cheeks/eyes %.4f, corrected %.4f %.4f%n", name, on.aspect().name(), p,
                        before[0], before[1], after[0], after[1]);
                if (name.contains("15cm")) {
                    assertTrue(p.corrected() && p.correction() > 0.1, "a 15 cm selfie is corrected: " + p);
                    assertTrue(after[0] < before[0] - 0.01, "the nose is drawn narrower");
                    assertTrue(after[1] > before[1] + 0.04, "the face wider at the cheeks");
                } else {
                    assertEquals("lens-unknown", p.skipped().orElseThrow(), "a 60 cm selfie without its lens is left as taken: " + p);
                }
                Files.write(sheets.resolve(name.replace(".jpg", "") + "-" + on.aspect().slug() + ".jpg"),
                        sheet(photo.encoded(), off.jpeg(), on.jpeg()));
            }
        }
    }

    /** Nose width and cheek-to-cheek width over the eye distance, measured by the face mesh on a headshot. */
    private static double[] ratios(byte[] jpeg) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
        FaceLandmarks m = TestDetectors.landmarks(img, TestDetectors.detectOne(img));
        List<Point> p = m.points();
        return new double[] {p.get(129).distance(p.get(358)) / m.eyeDistance(), p.get(234).distance(p.get(454)) / m.eyeDistance()};
    }

    /** Photo, headshot as taken, headshot corrected, side by side at one height. */
    private static byte[] sheet(byte[]... images) throws IOException {
        int height = 600;
        int gap = 12;
        BufferedImage[] scaled = new BufferedImage[images.length];
        int width = gap;
        for (int i = 0; i < images.length; i++) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(images[i]));
            scaled[i] = io.headroom.face.Resize.to(img, img.getWidth() * height / img.getHeight(), height);
            width += scaled[i].getWidth() + gap;
        }
        BufferedImage out = new BufferedImage(width, height + 2 * gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            int x = gap;
            for (BufferedImage s : scaled) {
                g.drawImage(s, x, gap, null);
                x += s.getWidth() + gap;
            }
        } finally {
            g.dispose();
        }
        return new HeadshotEncoder(90, "").encode(out);
    }
}
