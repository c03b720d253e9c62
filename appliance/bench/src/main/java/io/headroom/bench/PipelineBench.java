package io.headroom.bench;

import io.headroom.face.AnalysisSettings;
import io.headroom.face.InferenceDevice;
import io.headroom.face.PhotoAnalysis;
import io.headroom.framing.Aspect;
import io.headroom.framing.HeadshotEncoder;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.model.ModelSet;
import io.headroom.pipeline.HeadshotPipeline;
import io.headroom.pipeline.InstalledModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints, on one thread (one worker), as medians over several rounds: the full headshot's cost per
 * photo beside a baseline measured in the same run and their ratio, photos per second for analysis,
 * headshots per second for framing + encoding, and the cost of each step the studio-grade framing
 * added ({@link StepCosts}; {@code -Dheadroom.bench.steps=false} leaves them out). Usage:
 * {@code java -cp appliance/bench/target/benchmarks.jar io.headroom.bench.PipelineBench MODELS_DIR PHOTO_DIR}.
 */
public final class PipelineBench {

    private PipelineBench() {
    }

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args.length > 0 ? args[0] : "installer/models");
        Path photos = Path.of(args.length > 1 ? args[1] : "appliance/core/src/test/resources/photos");
        PhotoCleaner intake = new PhotoCleaner(IntakeLimits.DEFAULT, new DecodeBudget(200_000_000L, Duration.ofMinutes(1)));
        List<byte[]> cleaned = new ArrayList<>();
        try (Stream<Path> files = Files.list(photos)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("(?i).*\\.(jpe?g|png|webp)")).sorted().toList()) {
                try {
                    cleaned.add(intake.clean(Files.readAllBytes(p)).encoded());
                } catch (RuntimeException e) {
                    // not a photo intake accepts: not part of the figures
                }
            }
        }
        ModelSet set = ModelSet.open(models);
        // The optional packs are used when installed in the models folder given, as the appliance does.
        try (InstalledModels installed = InstalledModels.load(set, InferenceDevice.CPU, 1);
             InstalledModels.Worker worker = installed.worker(AnalysisSettings.DEFAULT, new HeadshotEncoder(92, ""))) {
            HeadshotPipeline pipeline = worker.pipeline();
            List<PhotoAnalysis> analyses = new ArrayList<>();
            for (byte[] c : cleaned) {
                analyses.add(pipeline.analyse(c)); // warm-up, and the faces to frame
            }
            int rounds = 5;
            double[] analysisRates = new double[rounds];
            double[] framingRates = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (byte[] c : cleaned) {
                    pipeline.analyse(c);
                }
                analysisRates[r] = cleaned.size() / ((System.nanoTime() - t0) / 1e9);
                int headshots = 0;
                long t1 = System.nanoTime();
                for (int i = 0; i < cleaned.size(); i++) {
                    if (analyses.get(i).usable()) {
                        headshots += pipeline.render(cleaned.get(i), analyses.get(i).face().orElseThrow(),
                                List.of(Aspect.SQUARE, Aspect.PORTRAIT)).headshots().size();
                    }
                }
                framingRates[r] = headshots / ((System.nanoTime() - t1) / 1e9);
            }
            // The full headshot, per photo: one photo to one 1024² headshot, analysis included, nothing
            // cached between photos; beside it, in the same rounds, the baseline any image service pays
            // for that photo (decode the whole file, one bilinear resize to 1024², encode at 0.92).
            java.lang.management.ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            List<Double> full = new ArrayList<>();
            List<Double> base = new ArrayList<>();
            io.headroom.style.Style natural = io.headroom.style.Style.natural();
            for (int r = 0; r < rounds; r++) {
                for (byte[] c : cleaned) {
                    long t = System.nanoTime();
                    int n = pipeline.make(c, java.util.Optional.empty(), natural, List.of(Aspect.SQUARE), false).rendered()
                            .map(made -> made.headshots().size()).orElse(0);
                    double seconds = (System.nanoTime() - t) / 1e9;
                    if (n == 1) {
                        full.add(seconds);
                        base.add(baseline(c));
                    }
                }
            }
            long peakHeap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage() == null ? 0 : p.getPeakUsage().getUsed()).sum();
            double fullMedian = median(full);
            double baseMedian = median(base);
            System.out.printf("full headshot: %.3f s per photo to one 1024×1024 headshot (median of %d: %d photos × %d rounds), peak heap %d MiB%n",
                    fullMedian, full.size(), full.size() / rounds, rounds, peakHeap >> 20);
            System.out.printf("baseline: %.3f s per photo (ImageIO.read of the whole file, one bilinear drawImage to 1024², JPEG at 0.92)%n", baseMedian);
            System.out.printf("ratio: full headshot = %.1f × baseline (goal ≤ 12×)%n", fullMedian / baseMedian);
            if (!"false".equals(System.getProperty("headroom.bench.steps"))) {
                StepCosts.print(cleaned, analyses, worker.segmenter(), worker.landmarks(), rounds);
            }
            set.files().forEach(m -> System.out.printf("model %s %s%n", m.file(), m.sha256()));
            System.out.printf("analysis: %.1f photos/s per worker (median of %d rounds over %d photos)%n", median(analysisRates), rounds, cleaned.size());
            System.out.printf("framing + encode: %.1f headshots/s per worker (1:1 1024² and 4:5 1080×1350)%n", median(framingRates));
            System.out.printf("%s %s, %d cores%n", System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** Seconds for the baseline of one photo. */
    private static double baseline(byte[] file) throws java.io.IOException {
        long t = System.nanoTime();
        java.awt.image.BufferedImage in = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(file));
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(1024, 1024, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(in, 0, 0, 1024, 1024, null);
        g.dispose();
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.92f);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = javax.imageio.ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(out, null, null), param);
        } finally {
            writer.dispose();
        }
        return (System.nanoTime() - t) / 1e9;
    }

    static double median(List<Double> v) {
        double[] a = new double[v.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = v.get(i);
        }
        return a.length == 0 ? Double.NaN : median(a);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
