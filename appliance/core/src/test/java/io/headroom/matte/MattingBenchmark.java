package io.headroom.matte;

import io.headroom.face.Face;
import io.headroom.face.TestDetectors;
import io.headroom.framing.Aspect;
import io.headroom.framing.EncodedImageSource;
import io.headroom.framing.Framed;
import io.headroom.framing.Framer;
import io.headroom.framing.FramingRules;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.intake.TestPhotos;
import io.headroom.raster.Planes;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * How well the default matte finds a person whose true alpha is known, the way matting is
 * measured (Xu et al.'s Composition-1k): people are cut out of studio photos on a plain backdrop
 * (their alpha from the optional matting pack, which is accurate there; see {@link #people}), put with that alpha onto
 * cluttered backgrounds from other licensed photos, and the default matte (selfie segmentation
 * and its refinement) is run on each composite, once without and once with {@link EdgeMatting}.
 *
 * <p>Figures per composite, averaged: SAD (sum of absolute alpha errors, in thousands) and MSE
 * over the image and over the edge band (within 1 % of the frame's width of the true soft edge),
 * and the leak: the share of true-background pixels the matte keeps (α &gt; 0.1).
 *
 * <p>{@code MattingBenchmarkTest} holds the figures to bounds; {@code main} prints them
 * (in {@code appliance/core}: {@code ../../mvnw exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.headroom.matte.MattingBenchmark}; the pack comes from the npm package the
 * build fetched, as in the tests).
 */
public final class MattingBenchmark {

    /** Studio photos on a plain backdrop, hair of several kinds: short, a bun, none, braids, long. */
    static final List<String> FOREGROUNDS = List.of("london_005_neutral.jpg", "london_006_neutral.jpg", "london_021_neutral.jpg",
            "london_025_neutral_INJECTED_gps_exif_only.jpg", "london_030_neutral_exif_orientation_6.jpg");

    /** A 4:5 region of a photo: its centre and width as shares of the photo's. */
    record Background(String photo, double cx, double cy, double width) {
    }

    /** Twenty cluttered backgrounds with no one in them: rooms, curtains, a flag, stone, wood, fur, a clock. */
    static final List<Background> BACKGROUNDS = List.of(
            new Background("obama_2010_blue_room.jpg", 0.12, 0.35, 0.24),
            new Background("obama_2010_blue_room.jpg", 0.88, 0.35, 0.24),
            new Background("obama_2010_blue_room.jpg", 0.2, 0.09, 0.18),
            new Background("obama_2009_congress_address.jpg", 0.15, 0.22, 0.3),
            new Background("obama_2009_congress_address.jpg", 0.93, 0.15, 0.14),
            new Background("happy_couple_2faces_ccby.jpg", 0.1, 0.3, 0.2),
            new Background("happy_couple_2faces_ccby.jpg", 0.88, 0.1, 0.2),
            new Background("brothers_c1870_2faces_ccby.jpg", 0.85, 0.15, 0.25),
            new Background("coffee_cup.png", 0.12, 0.5, 0.24),
            new Background("coffee_cup.png", 0.85, 0.5, 0.28),
            new Background("brick_texture_gray.png", 0.5, 0.5, 0.7),
            new Background("lisa_webcam_01.jpg", 0.06, 0.25, 0.12),
            new Background("cat_face_chelsea.png", 0.9, 0.5, 0.2),
            new Background("brothers_c1870_2faces_ccby.jpg", 0.15, 0.9, 0.25),
            new Background("lisa_webcam_02.jpg", 0.9, 0.35, 0.2),
            new Background("lisa_webcam_03.jpg", 0.06, 0.35, 0.12),
            new Background("lisa_zoom_15cm.jpg", 0.08, 0.3, 0.16),
            new Background("lisa_zoom_60cm.jpg", 0.9, 0.3, 0.2),
            new Background("coffee_cup.png", 0.5, 0.12, 0.2),
            new Background("obama_2012_oval_office_portrait.jpg", 0.1, 0.3, 0.2));

    /** Means over the composites. SAD in thousands of pixels, MSE ×1000, leak as a share. */
    public record Figures(double sad, double mse, double edgeSad, double edgeMse, double leak) {
        String line() {
            return String.format(Locale.ROOT, "SAD %6.2f  MSE×10³ %6.2f  edge SAD %6.2f  edge MSE×10³ %6.2f  leak %6.3f %%",
                    sad, mse, edgeSad, edgeMse, 100 * leak);
        }
    }

    /** The default matte without and with edge matting, and what edge matting cost per composite. */
    public record Result(int composites, Figures before, Figures after, double millisPerComposite) {
    }

    private static final PhotoCleaner INTAKE = new PhotoCleaner(IntakeLimits.DEFAULT, new DecodeBudget(200_000_000L, Duration.ofSeconds(5)));

    private MattingBenchmark() {
    }

    /** A studio person, framed as a 4:5 headshot, with the alpha the matting pack sees on the plain backdrop. */
    record Person(String name, int w, int h, int[] photo, float[] alpha, float[] backdrop, Face face, int measuredRows) {
    }

    /**
     * Where the pack's alpha is no ground truth: on these three it loses white clothing against
     * the light grey backdrop, so they are measured above the chin only (their hair is what they
     * are here for); the others over the whole frame.
     */
    static final java.util.Set<String> MEASURED_ABOVE_THE_CHIN = java.util.Set.of(
            "london_006_neutral.jpg", "london_025_neutral_INJECTED_gps_exif_only.jpg", "london_030_neutral_exif_orientation_6.jpg");

    /** The people, with the pack's alpha on the plain backdrop as their true alpha. */
    static List<Person> people(PersonSegmenter segmenter, PersonSegmenter truth) {
        List<Person> out = new ArrayList<>();
        for (String name : FOREGROUNDS) {
            byte[] photo = INTAKE.clean(TestPhotos.bytes(name)).encoded();
            Face face = TestDetectors.analyseCleaned(photo).face().orElseThrow();
            EncodedImageSource source = new EncodedImageSource(photo);
            Framer framer = new Framer(FramingRules.DEFAULT);
            Framed framed = framer.frame(source, face, Aspect.PORTRAIT,
                    framer.compose(source.width(), source.height(), face, Aspect.PORTRAIT).orElseThrow());
            BufferedImage img = framed.image();
            int w = img.getWidth();
            int h = img.getHeight();
            int[] px = img.getRGB(0, 0, w, h, null, 0, w);
            float[] alpha = new GuidedFilter(Math.max(2, Math.min(w, h) / 256), 1e-4, false).refine(px, truth.segment(img), w, h);
            int rows = MEASURED_ABOVE_THE_CHIN.contains(name)
                    ? (int) Math.min(h, framed.face().y() + 1.1 * framed.face().height()) : h;
            out.add(new Person(name, w, h, px, alpha, plainBackdrop(px, alpha, w, h), framed.face(), rows));
        }
        return out;
    }

    /** The plain backdrop behind the person, packed as three planes: the local mean of the pixels the alpha calls background. */
    private static float[] plainBackdrop(int[] px, float[] alpha, int w, int h) {
        int r = Math.max(8, w / 16);
        float[] weight = new float[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            weight[i] = alpha[i] < 0.02f ? 1f : 0f;
        }
        float[] wm = Planes.boxMean(weight, w, h, r);
        float[] out = new float[3 * alpha.length];
        int[] shifts = {16, 8, 0};
        for (int c = 0; c < 3; c++) {
            float[] ch = Planes.channel(px, shifts[c]);
            for (int i = 0; i < ch.length; i++) {
                ch[i] *= weight[i];
            }
            float[] m = Planes.boxMean(ch, w, h, r);
            for (int i = 0; i < alpha.length; i++) {
                out[3 * i + c] = wm[i] > 1e-4f ? m[i] / wm[i] : 0.8f;
            }
        }
        return out;
    }

    /** The background region, scaled to the person's frame, packed RGB. */
    static int[] background(Background b, int w, int h) {
        try {
            BufferedImage src = ImageIO.read(new java.io.ByteArrayInputStream(TestPhotos.bytes(b.photo())));
            int cw = (int) Math.round(b.width() * src.getWidth());
            int ch = (int) Math.min(src.getHeight(), Math.round(cw * h / (double) w));
            cw = (int) Math.round(ch * w / (double) h);
            int x = (int) Math.max(0, Math.min(src.getWidth() - cw, Math.round(b.cx() * src.getWidth() - cw / 2.0)));
            int y = (int) Math.max(0, Math.min(src.getHeight() - ch, Math.round(b.cy() * src.getHeight() - ch / 2.0)));
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, x, y, x + cw, y + ch, null);
            g.dispose();
            return out.getRGB(0, 0, w, h, null, 0, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** I' = I + (1 − α)(B' − B): the person's own colours kept, the plain backdrop swapped for the clutter. */
    static BufferedImage composite(Person p, int[] clutter) {
        int[] out = new int[p.photo().length];
        int[] shifts = {16, 8, 0};
        for (int i = 0; i < out.length; i++) {
            float t = 1 - p.alpha()[i];
            int v = 0;
            for (int c = 0; c < 3; c++) {
                float mine = ((p.photo()[i] >> shifts[c]) & 0xFF) / 255f;
                float now = ((clutter[i] >> shifts[c]) & 0xFF) / 255f;
                float x = mine + t * (now - p.backdrop()[3 * i + c]);
                v |= Math.max(0, Math.min(255, Math.round(x * 255))) << shifts[c];
            }
            out[i] = v;
        }
        BufferedImage img = new BufferedImage(p.w(), p.h(), BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, p.w(), p.h(), out, 0, p.w());
        return img;
    }

    /** Runs every person on every background; writes a debug sheet per person (first background) under {@code sheets} when given. */
    public static Result run(PersonSegmenter segmenter, PersonSegmenter truth, Path sheets) {
        List<Person> people = people(segmenter, truth);
        PersonMatte matte = new PersonMatte(segmenter, true);
        double[] before = new double[5];
        double[] after = new double[5];
        long nanos = 0;
        int n = 0;
        for (Person p : people) {
            for (int k = 0; k < BACKGROUNDS.size(); k++) {
                int[] clutter = background(BACKGROUNDS.get(k), p.w(), p.h());
                BufferedImage img = composite(p, clutter);
                int[] px = img.getRGB(0, 0, p.w(), p.h(), null, 0, p.w());
                long t0 = System.nanoTime();
                PersonMatte.Layers layers = matte.of(img, px, p.face(), null, null);
                nanos += System.nanoTime() - t0;
                // The matte without edge matting, finished as the appliance finishes its matte.
                float[] plainMatte = layers.refined().clone();
                PersonMatte.finish(plainMatte, null, null, p.w(), p.h());
                double[] b0 = measure(plainMatte, p.alpha(), p.w(), p.measuredRows());
                double[] a0 = measure(layers.alpha(), p.alpha(), p.w(), p.measuredRows());
                add(before, b0);
                add(after, a0);
                n++;
                if (sheets != null && (k % 7 == 0 || k == 2)) {
                    write(sheets.resolve(p.name().replaceAll("\\.[a-z]+$", "") + "-" + k + ".png"), px, layers, p.w(), p.h());
                }
            }
        }
        // The edge matting's own share of the time: the refined matte alone, timed on one composite per person.
        long refinedOnly = 0;
        PersonMatte plain = new PersonMatte(segmenter, false);
        for (Person p : people) {
            BufferedImage img = composite(p, background(BACKGROUNDS.get(0), p.w(), p.h()));
            int[] px = img.getRGB(0, 0, p.w(), p.h(), null, 0, p.w());
            long t0 = System.nanoTime();
            plain.of(img, px, p.face(), null, null);
            refinedOnly += System.nanoTime() - t0;
        }
        double matting = nanos / 1e6 / n - refinedOnly / 1e6 / people.size();
        return new Result(n, figures(before, n), figures(after, n), matting);
    }

    private static void add(double[] sum, double[] one) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += one[i];
        }
    }

    private static Figures figures(double[] sum, int n) {
        return new Figures(sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n, sum[4] / n);
    }

    /** {SAD/1000, MSE×1000, edge SAD/1000, edge MSE×1000, leak share} of one matte against the truth, over its first {@code h} rows. */
    static double[] measure(float[] alpha, float[] truth, int w, int h) {
        int n = w * h;
        float[] soft = new float[n];
        for (int i = 0; i < n; i++) {
            soft[i] = truth[i] > 0.02f && truth[i] < 0.98f ? 1f : 0f;
        }
        float[] band = Planes.boxMean(soft, w, h, Math.max(2, w / 100));
        double sad = 0;
        double se = 0;
        double edgeSad = 0;
        double edgeSe = 0;
        int edge = 0;
        int ground = 0;
        int leaked = 0;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(alpha[i] - truth[i]);
            sad += d;
            se += d * d;
            if (band[i] > 1e-6f) {
                edgeSad += d;
                edgeSe += d * d;
                edge++;
            }
            if (truth[i] < 0.02f) {
                ground++;
                if (alpha[i] > 0.1f) {
                    leaked++;
                }
            }
        }
        return new double[] {sad / 1000, 1000 * se / n, edgeSad / 1000, 1000 * edgeSe / Math.max(1, edge),
                leaked / (double) Math.max(1, ground)};
    }

    /** The composite on green without and with edge matting, and the band with the matte's 0.5 line in yellow. */
    private static void write(Path file, int[] px, PersonMatte.Layers layers, int w, int h) {
        BufferedImage sheet = DebugOverlay.sheet(px, layers, w, h);
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(sheet, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        try (PersonSegmenter segmenter = TestDetectors.SEGMENTATION.segmenter();
             RobustMattingModel model = RobustMattingModel.loadIfInstalled(io.headroom.model.TestPacks.withMatting(),
                     io.headroom.face.InferenceDevice.CPU, 1).orElseThrow();
             PersonSegmenter truth = model.segmenter()) {
            Result r = run(segmenter, truth, Path.of("target", "matting-benchmark"));
            System.out.println("composites: " + r.composites() + " (" + FOREGROUNDS.size() + " people × " + BACKGROUNDS.size() + " backgrounds)");
            System.out.println("before (guided filter):    " + r.before().line());
            System.out.println("after  (+ edge matting):   " + r.after().line());
            System.out.printf(Locale.ROOT, "edge matting: %.0f ms per 1080×1350 headshot%n", r.millisPerComposite());
            // The optional pack as the segmenter, on the same composites: what edge matting adds to it.
            Result pack = run(truth, truth, null);
            System.out.println("matting pack alone:        " + pack.before().line());
            System.out.println("matting pack + edge:       " + pack.after().line());
        }
    }
}
