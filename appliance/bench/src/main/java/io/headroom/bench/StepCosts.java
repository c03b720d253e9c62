package io.headroom.bench;

import io.headroom.face.Face;
import io.headroom.face.PhotoAnalysis;
import io.headroom.framing.Aspect;
import io.headroom.framing.ClothingExtension;
import io.headroom.framing.Composition;
import io.headroom.framing.DigitalSourceType;
import io.headroom.framing.EncodedImageSource;
import io.headroom.framing.Framed;
import io.headroom.framing.Framer;
import io.headroom.framing.FramingRules;
import io.headroom.framing.HeadshotEncoder;
import io.headroom.matte.EdgeMatting;
import io.headroom.matte.ForegroundEstimation;
import io.headroom.matte.PersonMatte;
import io.headroom.matte.PersonSegmenter;
import io.headroom.pipeline.HeadshotCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cost of each step the studio-grade framing added to a headshot, each timed on its own over
 * the same photos so that none hides in the full figure: ranking by frame fit (at analysis), the
 * headshot's own check, clothing continued past the photo (only where a photo needs it), edge
 * matting and foreground colour estimation in the cut-out, the XMP disclosure in the JPEG, and the
 * selfie perspective (the face mesh measured on the headshot, the warp where a correction applies).
 */
final class StepCosts {

    private StepCosts() {
    }

    static void print(List<byte[]> cleaned, List<PhotoAnalysis> analyses, PersonSegmenter segmenter, io.headroom.face.LandmarkDetector landmarks,
                      int rounds) {
        Framer framer = new Framer(FramingRules.DEFAULT);
        HeadshotEncoder plain = new HeadshotEncoder(92, "", false);
        HeadshotEncoder disclosing = new HeadshotEncoder(92, "", true);
        ClothingExtension extension = new ClothingExtension();
        List<Double> fit = new ArrayList<>();
        List<Double> check = new ArrayList<>();
        List<Double> extend = new ArrayList<>();
        List<Double> disclosure = new ArrayList<>();
        List<Double> matting = new ArrayList<>();
        List<Double> colours = new ArrayList<>();
        List<Double> mesh = new ArrayList<>();
        List<Double> warp = new ArrayList<>();
        int corrected = 0;
        int measured = 0;
        EdgeMatting edge = new EdgeMatting();
        PersonMatte refinedOnly = new PersonMatte(segmenter, false);
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < cleaned.size(); i++) {
                if (!analyses.get(i).usable()) {
                    continue;
                }
                Face face = analyses.get(i).face().orElseThrow();
                EncodedImageSource source = new EncodedImageSource(cleaned.get(i));
                long t = System.nanoTime();
                framer.closeness(source.width(), source.height(), face, Aspect.SQUARE);
                framer.closeness(source.width(), source.height(), face, Aspect.PORTRAIT);
                fit.add((System.nanoTime() - t) / 1e9);

                for (Aspect aspect : List.of(Aspect.SQUARE, Aspect.PORTRAIT)) {
                    Optional<Composition> own = framer.compose(source.width(), source.height(), face, aspect);
                    Optional<Composition> c = own.or(() -> framer.extendable(source.width(), source.height(), face, aspect));
                    if (c.isEmpty()) {
                        continue;
                    }
                    Framed framed = framer.frame(source, face, aspect, c.get());
                    float[] person = segmenter.segment(framed.image());
                    if (own.isEmpty()) {
                        t = System.nanoTime();
                        Optional<Framed> e = extension.extend(framed, segmenter.segment(framed.image()));
                        extend.add((System.nanoTime() - t) / 1e9);
                        framed = e.orElse(framed);
                    }
                    if (aspect != Aspect.SQUARE) {
                        continue;
                    }
                    int w = framed.image().getWidth();
                    int h = framed.image().getHeight();
                    t = System.nanoTime();
                    io.headroom.face.FaceLandmarks m = landmarks.landmarks(framed.image(), framed.face());
                    mesh.add((System.nanoTime() - t) / 1e9);
                    double scale = framed.face().interEyeDistance() / face.interEyeDistance();
                    io.headroom.perspective.FieldOfView fov = io.headroom.perspective.FieldOfView.assumed(source.width(), source.height());
                    double distance = io.headroom.perspective.SelfiePerspective.distanceCm(m.eyeDistance() / scale, source.width(), fov);
                    java.awt.image.BufferedImage copy = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
                    copy.setRGB(0, 0, w, h, framed.image().getRGB(0, 0, w, h, null, 0, w), 0, w);
                    t = System.nanoTime();
                    boolean did = io.headroom.perspective.SelfiePerspective.correct(copy, m, distance, true,
                            new io.headroom.face.Point(w / 2.0, h / 2.0)).perspective().corrected();
                    double took = (System.nanoTime() - t) / 1e9;
                    measured++;
                    if (did) {
                        warp.add(took);
                        corrected++;
                    }
                    copy.flush();
                    int[] px = framed.image().getRGB(0, 0, w, h, null, 0, w);
                    float[] refined = refinedOnly.of(framed.image(), px, framed.face(), null, null).refined();
                    t = System.nanoTime();
                    float[] alpha = edge.refine(px, refined, w, h, framed.face()).alpha();
                    matting.add((System.nanoTime() - t) / 1e9);
                    t = System.nanoTime();
                    ForegroundEstimation.foreground(px, alpha, w, h);
                    colours.add((System.nanoTime() - t) / 1e9);
                    t = System.nanoTime();
                    HeadshotCheck.check(framed.image(), framed.face(), framed.composition(), person, framed.filled());
                    check.add((System.nanoTime() - t) / 1e9);
                    t = System.nanoTime();
                    plain.encode(framed.image(), DigitalSourceType.COMPOSITE_SYNTHETIC);
                    double without = (System.nanoTime() - t) / 1e9;
                    t = System.nanoTime();
                    disclosing.encode(framed.image(), DigitalSourceType.COMPOSITE_SYNTHETIC);
                    disclosure.add((System.nanoTime() - t) / 1e9 - without);
                }
            }
        }
        System.out.printf("step: frame fit for ranking, both aspects: %.2f ms per photo%n", 1000 * PipelineBench.median(fit));
        System.out.printf("step: headshot check: %.2f ms per 1024² headshot%n", 1000 * PipelineBench.median(check));
        System.out.printf("step: edge matting (trimap, closed-form band, guided upsampling): %.1f ms per 1024² headshot%n", 1000 * PipelineBench.median(matting));
        System.out.printf("step: foreground colours (multi-level estimation): %.1f ms per 1024² headshot%n", 1000 * PipelineBench.median(colours));
        System.out.printf("step: XMP disclosure in the JPEG: %+.2f ms per headshot%n", 1000 * PipelineBench.median(disclosure));
        System.out.printf("step: face mesh on the headshot (for the perspective and the retouch): %.1f ms per 1024² headshot%n",
                1000 * PipelineBench.median(mesh));
        if (warp.isEmpty()) {
            System.out.println("step: selfie perspective warp: no photo here is close enough to need it");
        } else {
            System.out.printf("step: selfie perspective warp (spline, backward warp): %.1f ms per 1024² headshot that needs it (%d of %d)%n",
                    1000 * PipelineBench.median(warp), corrected, measured);
        }
        if (extend.isEmpty()) {
            System.out.println("step: clothing continued past the photo: no photo here needs it");
        } else {
            System.out.printf("step: clothing continued past the photo (segmentation + synthesis): %.3f s per headshot that needs it (%d of %d rounds' aspects)%n",
                    PipelineBench.median(extend), extend.size() / rounds, 2 * fit.size() / rounds);
        }
    }
}
