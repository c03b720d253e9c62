package io.headroom.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.problem.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Intake against the hostile corpus: every file is either cleaned or refused with a 4xx (or a
 * 503 when the decode budget stays full), never another exception. The seed is printed; set
 * {@code -Dheadroom.corpus.seed} to replay a run and {@code -Dheadroom.corpus.mutations} for a
 * larger one (the {@code hostile-corpus} profile runs 5000).
 */
class HostileCorpusTest {

    @Test
    void everyFileIsCleanedOrRefusedWithAReasonNeverAnythingElse() {
        long seed = HostileCorpus.seed();
        List<HostileCorpus.Entry> corpus = HostileCorpus.generate(seed, HostileCorpus.sources(), HostileCorpus.mutations());
        System.out.println("Hostile corpus: " + corpus.size() + " files, seed " + seed + " (-Dheadroom.corpus.seed=" + seed + " replays it)");
        assertTrue(corpus.size() >= 500);
        PhotoCleaner cleaner = new PhotoCleaner(IntakeLimits.DEFAULT, new DecodeBudget(IntakeLimits.DEFAULT.maxPixels() * 2, Duration.ofSeconds(30)));
        Map<String, Integer> byOutcome = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (HostileCorpus.Entry e : corpus) {
            String outcome;
            try {
                cleaner.clean(e.bytes()).wipe();
                outcome = "200 cleaned";
            } catch (ProblemException p) {
                outcome = p.type().status() + " " + p.type().code();
                if (p.type().status() >= 500 && p.type().status() != 503) {
                    wrong.add(e.name() + ": " + outcome);
                }
            } catch (RuntimeException | Error x) {
                outcome = "crash " + x.getClass().getSimpleName();
                wrong.add(e.name() + ": " + x);
            }
            byOutcome.merge(outcome, 1, Integer::sum);
        }
        System.out.println("Hostile corpus outcomes: " + byOutcome);
        assertEquals(List.of(), wrong, "seed " + seed);
        assertTrue(byOutcome.getOrDefault("200 cleaned", 0) >= 2, "the good files among them are accepted: " + byOutcome);
    }
}
