package io.headroom.matte;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.face.InferenceDevice;
import io.headroom.face.TestDetectors;
import io.headroom.model.TestPacks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The matting benchmark's figures held to what edge matting was measured to give (see
 * docs/benchmarks.md): the same 100 composites every run, so a change that loses the gain fails.
 * Measured when written: edge SAD 10.10 → 8.69 (−14 %), leak 1.06 % → 0.93 % (−13 %), SAD
 * 13.65 → 12.05; with the matting pack, leak 0.50 % → 0.33 %. The debug sheets are written to
 * {@code target/matting-benchmark/}.
 */
class MattingBenchmarkTest {

    @Test
    void edgeMattingFindsTheTrueEdgeAndLeaksLessOfTheRoom() {
        try (PersonSegmenter segmenter = TestDetectors.SEGMENTATION.segmenter();
             RobustMattingModel model = RobustMattingModel.loadIfInstalled(TestPacks.withMatting(), InferenceDevice.CPU, 1).orElseThrow();
             PersonSegmenter truth = model.segmenter()) {
            MattingBenchmark.Result r = MattingBenchmark.run(segmenter, truth, Path.of("target", "matting-benchmark"));
            MattingBenchmark.Figures before = r.before();
            MattingBenchmark.Figures after = r.after();
            String figures = "\nbefore " + before.line() + "\nafter  " + after.line();
            assertTrue(r.composites() >= 100, "five people on twenty backgrounds");
            // The margin kept: at least 8 % better on both, the checked-in bounds a little above what was measured.
            assertTrue(after.edgeSad() <= 0.92 * before.edgeSad(), "edge-band SAD improves by 8 % or more" + figures);
            assertTrue(after.leak() <= 0.92 * before.leak(), "the leak improves by 8 % or more" + figures);
            assertTrue(after.edgeSad() < 9.2, "edge SAD stays under 9.2" + figures);
            assertTrue(after.leak() < 0.0100, "the leak stays under 1 %" + figures);
            assertTrue(after.sad() < 12.8 && after.mse() < before.mse(), "and the whole image is no worse" + figures);

            MattingBenchmark.Result pack = MattingBenchmark.run(truth, truth, null);
            assertTrue(pack.after().leak() < pack.before().leak() && pack.after().edgeMse() < pack.before().edgeMse(),
                    "with the matting pack, edge matting takes away room the pack kept\npack " + pack.before().line() + "\n+edge " + pack.after().line());
        }
    }
}
