package io.headroom.pipeline;

import io.headroom.face.Embedding;
import io.headroom.face.Face;
import io.headroom.face.FaceAnalysis;
import io.headroom.face.PhotoAnalysis;
import io.headroom.face.Verdict;
import io.headroom.framing.Aspect;
import io.headroom.framing.ClothingExtension;
import io.headroom.framing.Composition;
import io.headroom.framing.DigitalSourceType;
import io.headroom.framing.EncodedImageSource;
import io.headroom.framing.Framed;
import io.headroom.framing.Framer;
import io.headroom.framing.HeadshotEncoder;
import io.headroom.identity.IdentityCheck;
import io.headroom.matte.Cutout;
import io.headroom.matte.PersonSegmenter;
import io.headroom.face.FaceLandmarks;
import io.headroom.face.Point;
import io.headroom.perspective.FieldOfView;
import io.headroom.perspective.Perspective;
import io.headroom.perspective.SelfiePerspective;
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
public final class HeadshotPipeline implements PhotoPipeline {

    private static final ClothingExtension EXTENSION = new ClothingExtension();

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

    @Override
    public PhotoAnalysis analyse(byte[] cleaned) {
        EncodedImageSource source = new EncodedImageSource(cleaned);
        int k = Math.max(1, (int) Math.ceil((double) Math.max(source.width(), source.height()) / analysisMaxSide));
        BufferedImage work = source.read(new Rectangle(0, 0, source.width(), source.height()), k);
        PhotoAnalysis a = analysis.analyse(work);
        if (a.face().isEmpty()) {
            return a;
        }
        PhotoAnalysis scaled = k == 1 ? a : a.scaled(k);
        return scaled.ranked(frameFit(source.width(), source.height(), scaled.face().get()));
    }

    /**
     * How well a photo fills a head-and-shoulders frame from a fair distance, as a ranking factor:
     * 1 when it fills the default composition in both default aspects, down to 0.75 when it needs
     * the closest composition, 0.5 when it fills none: a selfie from 60 cm ranks above one from
     * 15 cm of the same quality.
     */
    static double frameFit(int width, int height, Face face) {
        Framer framer = new Framer(io.headroom.framing.FramingRules.DEFAULT);
        double fit = 0;
        for (Aspect aspect : List.of(Aspect.SQUARE, Aspect.PORTRAIT)) {
            java.util.OptionalDouble t = framer.closeness(width, height, face, aspect);
            fit += t.isPresent() ? 1 - 0.5 * t.getAsDouble() : 0;
        }
        return 0.5 + 0.5 * fit / 2;
    }

    /** One headshot per aspect of the photo's face. */
    public Rendered render(byte[] cleaned, Face face, List<Aspect> aspects) {
        return render(cleaned, face, Optional.empty(), aspects);
    }

    /**
     * One headshot per aspect in the default style; with the source photo's descriptor (identity
     * pack), each headshot reports how close its own face stays to it.
     */
    public Rendered render(byte[] cleaned, Face face, Optional<Embedding> original, List<Aspect> aspects) {
        return render(cleaned, face, original, defaultStyle, aspects);
    }

    /**
     * As {@link #render(byte[], Face, Optional, List)}, in {@code style}. Each aspect is framed
     * with the first composition the photo fills (the style's own, else a closer one), finished,
     * and checked ({@link HeadshotCheck}); an aspect no composition fits, or whose headshot fails
     * its check, is skipped with a verdict.
     */
    public Rendered render(byte[] cleaned, Face face, Optional<Embedding> original, Style style, List<Aspect> aspects) {
        return render(cleaned, face, original, style, aspects, false);
    }

    /**
     * As {@link #render(byte[], Face, Optional, Style, List)}; with {@code cutouts}, each headshot
     * also carries the person alone as a PNG with alpha ({@link Headshot#cutout()}), where there is
     * a cut-out.
     */
    public Rendered render(byte[] cleaned, Face face, Optional<Embedding> original, Style style, List<Aspect> aspects, boolean cutouts) {
        return render(cleaned, face, original, style, aspects, cutouts, Optional.empty());
    }

    /**
     * As {@link #render(byte[], Face, Optional, Style, List, boolean)}, with the camera's field of
     * view as intake found it (empty: a phone's front camera is assumed). Unless the style turns it
     * off, each framed headshot's selfie perspective is corrected ({@link SelfiePerspective}) before
     * retouch, light and cut-out; the frame holds the face with room around it, so the warp fades
     * to nothing well inside the frame and touches only pixels read from the photo.
     */
    @Override
    public Rendered render(byte[] cleaned, Face face, Optional<Embedding> original, Style style, List<Aspect> aspects, boolean cutouts,
                           Optional<FieldOfView> fieldOfView) {
        EncodedImageSource source = new EncodedImageSource(cleaned);
        FieldOfView fov = fieldOfView.orElseGet(() -> FieldOfView.assumed(source.width(), source.height()));
        StyleDescriptor d = style.descriptor();
        Framer framer = new Framer(d.framing().rules());
        Look look = style.look();
        double retouchStrength = d.retouch().strength();
        Cutout cutout = segmenter == null ? null : new Cutout(segmenter, d.backdrop().backdrop());
        List<Headshot> out = new ArrayList<>();
        List<Rendered.Skipped> skipped = new ArrayList<>();
        for (Aspect aspect : aspects) {
            Optional<Composition> composition = framer.compose(source.width(), source.height(), face, aspect);
            // Second choice, with a cut-out to keep the continued person: clothing continued past the photo.
            boolean extend = composition.isEmpty() && segmenter != null;
            if (extend) {
                composition = framer.extendable(source.width(), source.height(), face, aspect);
            }
            if (composition.isEmpty()) {
                skipped.add(new Rendered.Skipped(aspect, Verdict.TOO_CLOSE, Optional.empty()));
                continue;
            }
            Framed framed = framer.frame(source, face, aspect, composition.get());
            if (extend) {
                Optional<Framed> extended = EXTENSION.extend(framed, segmenter.segment(framed.image()));
                if (extended.isEmpty()) {
                    skipped.add(new Rendered.Skipped(aspect, Verdict.TOO_CLOSE, Optional.empty()));
                    framed.image().flush();
                    continue;
                }
                framed = extended.get();
            }
            Framed done = framed;
            // The mesh is measured again on the headshot itself, at the resolution the warp and the retouch work at.
            Optional<FaceLandmarks> mesh = analysis.landmarks(done.image(), done.face());
            Perspective perspective;
            if (mesh.isEmpty()) {
                perspective = Perspective.skipped(java.util.OptionalInt.empty(), fov.assumed(), "no-mesh");
            } else if (!(mesh.get().eyeDistance() > 1) || !(face.interEyeDistance() > 1)) {
                // A mesh collapsed onto itself says nothing of distance: never a reason to fail the headshot.
                perspective = Perspective.skipped(java.util.OptionalInt.empty(), fov.assumed(), "unsure");
            } else {
                // The eye distance in the photo's own pixels: the frame's divided by the frame's scale.
                double scale = done.face().interEyeDistance() / face.interEyeDistance();
                double distance = SelfiePerspective.distanceCm(mesh.get().eyeDistance() / scale, source.width(), fov);
                if (!d.correctsPerspective()) {
                    perspective = Perspective.skipped(java.util.OptionalInt.of((int) Math.round(distance)), fov.assumed(), "style");
                } else {
                    Point axis = inFrame(new Point(source.width() / 2.0, source.height() / 2.0), face, done.face());
                    SelfiePerspective.Result corrected = SelfiePerspective.correct(done.image(), mesh.get(), distance, fov.assumed(), axis);
                    perspective = corrected.perspective();
                    mesh = Optional.of(corrected.mesh());
                }
            }
            if (retouchStrength > 0) {
                mesh.ifPresent(m -> retouch.apply(done.image(), m, retouchStrength));
            }
            // Light and colour are judged on the person's own photo; the backdrop is the style's, as given.
            look.apply(done.image());
            int w = done.image().getWidth();
            int h = done.image().getHeight();
            int[] before = cutouts && cutout != null ? done.image().getRGB(0, 0, w, h, null, 0, w) : null;
            float[] person = cutout != null ? cutout.apply(done.image(), done.coverage(), done.extension(), done.face()) : null;
            if (style.hook().isPresent()) {
                finish(done.image(), person, d, style.hook().get());
            }
            HeadshotCheck.Figures checks = HeadshotCheck.check(done.image(), done.face(), done.composition(), person, done.filled());
            if (!checks.passed()) {
                skipped.add(new Rendered.Skipped(aspect, verdictOf(checks), Optional.of(checks)));
                done.image().flush();
                continue;
            }
            OptionalDouble identity = original.flatMap(o -> analysis.embedding(done.image(), done.face()).map(e -> {
                double similarity = o.similarity(e);
                e.erase();
                return similarity;
            })).map(OptionalDouble::of).orElse(OptionalDouble.empty());
            DigitalSourceType edit = person != null ? DigitalSourceType.COMPOSITE_SYNTHETIC : DigitalSourceType.ALGORITHMICALLY_ENHANCED;
            // Only for a headshot that passed. The person alone is the photo retouched, unless clothing was continued past it.
            Optional<byte[]> alone = before == null ? Optional.empty() : Optional.of(encoder.encodePng(Cutout.transparent(before, person, w, h),
                    done.extended().isEmpty() ? DigitalSourceType.ALGORITHMICALLY_ENHANCED : DigitalSourceType.COMPOSITE_SYNTHETIC));
            out.add(new Headshot(aspect, done.image().getWidth(), done.image().getHeight(), encoder.encode(done.image(), edit),
                    done.padded(),
                    done.composition(), done.extended(), checks, identity, alone, perspective));
            done.image().flush();
        }
        return new Rendered(out, skipped);
    }

    /**
     * Where a point of the photo lies in the frame: the similarity (turn, scale, shift) that takes
     * the photo's eyes to the frame's.
     */
    static Point inFrame(Point p, Face inPhoto, Face inFrame) {
        Point a = inPhoto.leftEye();
        Point b = inPhoto.rightEye();
        Point a2 = inFrame.leftEye();
        Point b2 = inFrame.rightEye();
        double vx = b.x() - a.x();
        double vy = b.y() - a.y();
        double wx = b2.x() - a2.x();
        double wy = b2.y() - a2.y();
        double n = vx * vx + vy * vy;
        // s = w / v as complex numbers: the frame's turn and scale.
        double sr = (wx * vx + wy * vy) / n;
        double si = (wy * vx - wx * vy) / n;
        double px = p.x() - a.x();
        double py = p.y() - a.y();
        return new Point(a2.x() + sr * px - si * py, a2.y() + si * px + sr * py);
    }

    /** The verdict a person is told for a headshot that failed its check: the first failure's. */
    static Verdict verdictOf(HeadshotCheck.Figures checks) {
        return switch (checks.failures().get(0)) {
            case FLOATING, CUT_EDGE -> Verdict.TOO_CLOSE;
            case FRAMING -> Verdict.OFF_CENTRE;
            case EXPOSURE -> checks.faceLuma() < 128 ? Verdict.TOO_DARK : Verdict.TOO_BRIGHT;
            case BLUR -> Verdict.TOO_BLURRY;
        };
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
