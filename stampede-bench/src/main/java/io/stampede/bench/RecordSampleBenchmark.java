package io.stampede.bench;

import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of recording one request in the statistics (the per-request hot path), with one and two
 * writer threads. Run with {@code -prof gc} to see that a successful sample allocates nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordSampleBenchmark {
    private StatsRegistry registry;
    private long nanos = 1_234_567;

    @Setup
    public void setUp() {
        registry = new StatsRegistry(Clock.SYSTEM, "bench");
        new StatsCollector(registry, Clock.SYSTEM);
        registry.record("GET", "/api/v1/products/", 1_000_000, 100, null);
    }

    @Benchmark
    @Threads(1)
    public void recordSuccess() {
        nanos = nanos * 6364136223846793005L + 1442695040888963407L;
        registry.record("GET", "/api/v1/products/", (nanos >>> 40) + 1000, 512, null);
    }

    @Benchmark
    @Threads(2)
    public void recordSuccessTwoThreads() {
        registry.record("GET", "/api/v1/products/", 2_345_678, 512, null);
    }
}
