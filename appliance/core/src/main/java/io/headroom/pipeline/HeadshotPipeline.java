package io.headroom.pipeline;

import io.headroom.face.Embedding;
import io.headroom.face.Face;
import io.headroom.face.FaceAnalysis;
import io.headroom.face.PhotoAnalysis;
import io.headroom.face.Verdict;
import io.headroom.framing.Aspect;
import io.headroom.framing.EncodedImageSource;
import io.headroom.framing.Framed;
import io.headroom.framing.Framer;
import io.headroom.framing.HeadshotEncoder;
import io.headroom.identity.IdentityCheck;
import io.headroom.matte.Cutout;
import io.headroom.matte.PersonSegmenter;
import io.headroom.retouch.SkinRetouch;
import io.headroom.style.Look;
import io.headroom.style.Style;
import io.headroom.style.StyleDescriptor;
import io.headroom.plugin.api.style.CompositingHook;
import io.headroom.plugin.api.style.StyleFrame;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * From cleaned photos to headshots, the same for the server's jobs and the studio command line:
 * analyse each photo on a subsampled decode, pick the best usable ones, frame each for every
 * aspect from a region read of the photo, retouch the skin, give it the style's light and colour, put the person on
 * the style's backdrop, encode. No step holds a full-resolution frame.
 *
 * <p>Not thread-safe: one per worker (it holds the worker's detectors).
 */
public final class HeadshotPipeline {

    private final FaceAnalysis analysis;
    private final HeadshotEncoder encoder;
    private final int analysisMaxSide;
    private final PersonSegmenter segmenter;
    private final Style defaultStyle;
    private final SkinRetouch retouch = new SkinRetouch();

    /** A pipeline whose default style is the built-in {@code natural}. */
    public HeadshotPipeline(FaceAnalysis analysis, int analysisMaxSide, PersonSegmenter segmenter, HeadshotEncoder encoder) {
        this(analysis, analysisMaxSide, segmenter, Style.natural(), encoder);
    }

    /**
     * @param segmenter    the worker's person segmenter; without one, headshots keep the photo's own
     *                     background (as in tests of framing alone)
     * @param defaultStyle the style of {@link #render(byte[], Face, Optional, List)}
     */
    public HeadshotPipeline(FaceAnalysis analysis, int analysisMaxSide, PersonSegmenter segmenter, Style defaultStyle,
                            HeadshotEncoder encoder) {
        this.analysis = analysis;
        this.analysisMaxSide = analysisMaxSide;
        this.segmenter = segmenter;
        this.defaultStyle = defaultStyle;
        this.encoder = encoder;
    }

    /** Analyses a cleaned photo (JPEG/PNG bytes); face coordinates are in the photo's pixels. */
    public PhotoAnalysis analyse(byte[] cleaned) {
        EncodedImageSource source = new EncodedImageSource(cleaned);
        int k = Math.max(1, (int) Math.ceil((double) Math.max(source.width(), source.height()) / analysisMaxSide));
        BufferedImage work = source.read(new Rectangle(0, 0, source.width(), source.height()), k);
        PhotoAnalysis a = analysis.analyse(work);
        if (k == 1 || a.face().isEmpty()) {
            return a;
        }
        return a.scaled(k);
    }

    /** One headshot per aspect of the photo's face. */
    public List<Headshot> render(byte[] cleaned, Face face, List<Aspect> aspects) {
        return render(cleaned, face, Optional.empty(), aspects);
    }

    /**
     * One headshot per aspect in the default style; with the source photo's descriptor (identity
     * pack), each headshot reports how close its own face stays to it.
     */
    public List<Headshot> render(byte[] cleaned, Face face, Optional<Embedding> original, List<Aspect> aspects) {
        return render(cleaned, face, original, defaultStyle, aspects);
    }

    /** As {@link #render(byte[], Face, Optional, List)}, in {@code style}. */
    public List<Headshot> render(byte[] cleaned, Face face, Optional<Embedding> original, Style style, List<Aspect> aspects) {
        EncodedImageSource source = new EncodedImageSource(cleaned);
        StyleDescriptor d = style.descriptor();
        Framer framer = new Framer(d.framing().rules());
        Look look = style.look();
        double retouchStrength = d.retouch().strength();
        Cutout cutout = segmenter == null ? null : new Cutout(segmenter, d.backdrop().backdrop());
        List<Headshot> out = new ArrayList<>();
        for (Aspect aspect : aspects) {
            Framed framed = framer.frame(source, face, aspect);
            if (retouchStrength > 0) {
                // The mesh is measured again on the headshot itself, at the resolution the retouch works at.
                analysis.landmarks(framed.image(), framed.face()).ifPresent(mesh -> retouch.apply(framed.image(), mesh, retouchStrength));
            }
            // Light and colour are judged on the person's own photo; the backdrop is the style's, as given.
            look.apply(framed.image());
            float[] person = cutout != null ? cutout.apply(framed.image(), framed.coverage()) : null;
            if (style.hook().isPresent()) {
                finish(framed.image(), person, d, style.hook().get());
            }
            OptionalDouble identity = original.flatMap(o -> analysis.embedding(framed.image(), framed.face()).map(e -> {
                double similarity = o.similarity(e);
                e.erase();
                return similarity;
            })).map(OptionalDouble::of).orElse(OptionalDouble.empty());
            out.add(new Headshot(aspect, framed.image().getWidth(), framed.image().getHeight(), encoder.encode(framed.image()), framed.padded(),
                    identity));
            framed.image().flush();
        }
        return out;
    }

    /** The style's own last step, on the pixels as they will be encoded. */
    private static void finish(BufferedImage image, float[] person, StyleDescriptor d, CompositingHook hook) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = image.getRGB(0, 0, w, h, null, 0, w);
        float[] matte = person;
        if (matte == null) {
            matte = new float[w * h];
            Arrays.fill(matte, 1f);
        }
        hook.apply(new StyleFrame(w, h, px, matte, (int) Math.round(d.framing().eyeLine() * h),
                (int) Math.round(d.framing().faceWidth() * w)));
        image.setRGB(0, 0, w, h, px, 0, w);
    }

    /**
     * Adds the "different person" verdict to photos clearly of someone other than the session's
     * main person (see {@link IdentityCheck}); photos without a descriptor are left as they are.
     * The result is in the order given.
     */
    public static List<PhotoAnalysis> checkIdentity(List<PhotoAnalysis> analyses) {
        List<Integer> measured = new ArrayList<>();
        for (int i = 0; i < analyses.size(); i++) {
            if (analyses.get(i).embedding().isPresent()) {
                measured.add(i);
            }
        }
        // Best photos first: on a tie, the reference is the better photo.
        measured.sort(Comparator.comparingDouble((Integer i) -> analyses.get(i).quality()).reversed());
        boolean[] different = IdentityCheck.differentPeople(measured.stream().map(i -> analyses.get(i).embedding().orElseThrow()).toList());
        List<PhotoAnalysis> out = new ArrayList<>(analyses);
        for (int k = 0; k < different.length; k++) {
            if (different[k]) {
                out.set(measured.get(k), analyses.get(measured.get(k)).refused(Verdict.DIFFERENT_PERSON));
            }
        }
        return out;
    }

    /** The {@code n} usable items with the highest quality, best first; ties keep their order. */
    public static <T> List<T> best(List<T> items, ToDoubleFunction<T> quality, java.util.function.Predicate<T> usable, int n) {
        return items.stream().filter(usable).sorted(Comparator.comparingDouble(quality).reversed()).limit(n).toList();
    }
}
