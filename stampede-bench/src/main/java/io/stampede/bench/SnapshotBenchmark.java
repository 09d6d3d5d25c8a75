package io.stampede.bench;

import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The once-a-second work: taking a snapshot (flip + fold into totals) and merging two workers'
 * snapshots, for a scenario with {@code names} request names.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SnapshotBenchmark {
    @Param({"10", "100"})
    int names;

    private StatsRegistry registry;
    private StatsCollector collector;
    private StatsSnapshot a;
    private StatsSnapshot b;

    @Setup
    public void setUp() {
        registry = new StatsRegistry(Clock.SYSTEM, "bench");
        collector = new StatsCollector(registry, Clock.SYSTEM);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            registry.record("GET", "/n" + random.nextInt(names), random.nextLong(100_000, 2_000_000_000L), 100, null);
        }
        a = collector.tick(10);
        b = a;
    }

    @Benchmark
    public StatsSnapshot tick() {
        registry.record("GET", "/n0", 1_000_000, 100, null);
        return collector.tick(10);
    }

    @Benchmark
    public StatsSnapshot merge() {
        return a.merge(b);
    }
}
