package io.headroom.bench;

import io.headroom.face.AnalysisSettings;
import io.headroom.face.BlazeFaceModel;
import io.headroom.face.FaceAnalysis;
import io.headroom.face.FaceDetector;
import io.headroom.face.InferenceDevice;
import io.headroom.face.PhotoAnalysis;
import io.headroom.framing.Aspect;
import io.headroom.framing.HeadshotEncoder;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.matte.PersonSegmenter;
import io.headroom.matte.SelfieSegmentationModel;
import io.headroom.face.FaceEmbedder;
import io.headroom.identity.FaceEmbeddingModel;
import io.headroom.matte.RobustMattingModel;
import io.headroom.model.ModelSet;
import io.headroom.pipeline.HeadshotPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints photos per second for analysis and headshots per second for framing + encoding, on one
 * thread (one worker), as medians over several rounds. Usage:
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
        try (BlazeFaceModel front = BlazeFaceModel.load(set, BlazeFaceModel.Variant.FRONT, InferenceDevice.CPU, 1, 0.5);
             BlazeFaceModel back = BlazeFaceModel.load(set, BlazeFaceModel.Variant.BACK, InferenceDevice.CPU, 1, 0.5);
             // The optional packs are used when installed in the models folder given, as the appliance does.
             AutoCloseable segmentation = set.has(RobustMattingModel.ROLE)
                     ? RobustMattingModel.loadIfInstalled(set, InferenceDevice.CPU, 1).orElseThrow()
                     : SelfieSegmentationModel.load(set, InferenceDevice.CPU, 1);
             AutoCloseable identity = FaceEmbeddingModel.loadIfInstalled(set, InferenceDevice.CPU, 1).map(m -> (AutoCloseable) m).orElse(() -> { });
             io.headroom.face.FaceLandmarkModel landmarkModel = io.headroom.face.FaceLandmarkModel.load(set, InferenceDevice.CPU, 1);
             io.headroom.face.LandmarkDetector landmarks = landmarkModel.detector();
             FaceDetector f = front.detector();
             FaceDetector b = back.detector();
             PersonSegmenter s = segmentation instanceof RobustMattingModel m ? m.segmenter() : ((SelfieSegmentationModel) segmentation).segmenter()) {
            FaceEmbedder embedder = identity instanceof FaceEmbeddingModel m ? m.embedder() : null;
            HeadshotPipeline pipeline = new HeadshotPipeline(new FaceAnalysis(f, b, landmarks, embedder, AnalysisSettings.DEFAULT), 1024, s,
                    new HeadshotEncoder(92, ""));
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
            // The full pipeline per 1024×1024 headshot: analysis, framing, light and colour, encoding.
            java.lang.management.ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            double[] perHeadshot = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                int n = 0;
                long t = System.nanoTime();
                for (byte[] c : cleaned) {
                    PhotoAnalysis a = pipeline.analyse(c);
                    if (a.usable()) {
                        n += pipeline.render(c, a.face().orElseThrow(), a.embedding(), List.of(Aspect.SQUARE)).headshots().size();
                    }
                }
                perHeadshot[r] = (System.nanoTime() - t) / 1e9 / Math.max(1, n);
            }
            long peakHeap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage() == null ? 0 : p.getPeakUsage().getUsed()).sum();
            System.out.printf("full pipeline: %.3f s per 1024×1024 headshot (median of %d rounds), peak heap %d MiB%n",
                    median(perHeadshot), rounds, peakHeap >> 20);
            set.files().forEach(m -> System.out.printf("model %s %s%n", m.file(), m.sha256()));
            System.out.printf("analysis: %.1f photos/s per worker (median of %d rounds over %d photos)%n", median(analysisRates), rounds, cleaned.size());
            System.out.printf("framing + encode: %.1f headshots/s per worker (1:1 1024² and 4:5 1080×1350)%n", median(framingRates));
            System.out.printf("%s %s, %d cores%n", System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
