package io.headroom.bench;

import io.headroom.vault.BlobAddress;
import io.headroom.vault.DataKey;
import io.headroom.vault.Vault;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sealing and opening one 16 MiB blob through the vault's streams, on one thread (per core).
 * Throughput in blobs per second; {@link Benchmarks} turns it into GB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class VaultBenchmark {

    static final int BLOB_BYTES = 16 * 1024 * 1024;

    private final Vault vault = new Vault(new SecureRandom());
    private final BlobAddress address = new BlobAddress("bench-session", "bench-blob");
    private final byte[] buffer = new byte[64 * 1024];
    private DataKey key;
    private byte[] plaintext;
    private byte[] sealed;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        key = DataKey.generate(new SecureRandom());
        plaintext = new byte[BLOB_BYTES];
        new SecureRandom().nextBytes(plaintext);
        try (InputStream s = vault.seal(new ByteArrayInputStream(plaintext), key, "k1", address)) {
            sealed = s.readAllBytes();
        }
    }

    @Benchmark
    public long seal() throws IOException {
        return drain(vault.seal(new ByteArrayInputStream(plaintext), key, "k1", address));
    }

    @Benchmark
    public long open() throws IOException {
        return drain(vault.open(new ByteArrayInputStream(sealed), key, "k1", address));
    }

    private long drain(InputStream in) throws IOException {
        long total = 0;
        try (in) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
            }
        }
        return total;
    }
}
