package io.headroom.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and prints the figures people ask for (GB/s per core), next to JMH's own
 * table. A figure, not a verdict: the machine is shared and noisy, so compare runs side by side.
 * Usage: {@code java -jar appliance/bench/target/benchmarks.jar [regex]}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        String include = args.length > 0 ? args[0] : VaultBenchmark.class.getSimpleName();
        Options options = new OptionsBuilder().include(include).build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            if (name.contains(VaultBenchmark.class.getSimpleName())) {
                double blobsPerSecond = r.getPrimaryResult().getScore();
                double error = r.getPrimaryResult().getScoreError();
                double gbPerSecond = blobsPerSecond * VaultBenchmark.BLOB_BYTES / 1e9;
                System.out.printf("vault %-5s %6.2f GB/s per core (± %.2f), %d MiB blobs, 64 KiB segments, %s%n",
                        name.substring(name.lastIndexOf('.') + 1), gbPerSecond,
                        error * VaultBenchmark.BLOB_BYTES / 1e9, VaultBenchmark.BLOB_BYTES >> 20,
                        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            }
        }
    }
}
