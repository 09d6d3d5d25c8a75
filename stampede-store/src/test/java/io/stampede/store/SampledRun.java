package io.stampede.store;

import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.stats.StatsSnapshot;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/** Stored runs with chosen samples, for comparisons: per name, n response times from a generator. */
final class SampledRun {
    private final long id;
    private final ManualClock clock = new ManualClock(SyntheticRun.START);
    private final StatsRegistry registry = new StatsRegistry(clock, "node-1");

    SampledRun(long id) {
        this.id = id;
    }

    /** Log-normal response times with this median (ms) and spread, scaled by {@code factor}. */
    static DoubleUnaryOperator logNormal(double medianMillis, double sigma, double factor) {
        return gaussian -> factor * medianMillis * Math.exp(sigma * gaussian);
    }

    /** {@code n} samples drawn with {@code seed}; the first {@code failures} of them failed. */
    SampledRun name(String name, long seed, int n, DoubleUnaryOperator millis, int failures) {
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            long nanos = (long) (millis.applyAsDouble(random.nextGaussian()) * 1e6);
            registry.record("GET", name, nanos, 100, i < failures ? "HTTP 500" : null);
        }
        return this;
    }

    /** Given response times in ms, none failed. */
    SampledRun name(String name, double... millis) {
        for (double ms : millis) {
            registry.record("GET", name, (long) (ms * 1e6), 100, null);
        }
        return this;
    }

    /** The run as the store would load it: one minute, its entries from one interval. */
    StoredRun stored() {
        clock.advanceMillis(60_000);
        StatsInterval interval = new StatsCollector(registry, clock).next(10);
        StatsSnapshot stats = SyntheticRun.fold(List.of(interval));
        RunSummary summary = new RunSummary(id, SyntheticRun.START, stats.epochMillis(), "sampled.java",
                SyntheticRun.INFO.host(), SyntheticRun.INFO.plan(), 10, RunStatus.COMPLETE, "run time reached",
                stats.total().count(), stats.total().failures(), stats.total().failRatio() * 100,
                stats.total().percentileMillis(95), ThresholdsOutcome.NONE);
        return new StoredRun(summary, SyntheticRun.INFO, SyntheticRun.START, stats.epochMillis(), stats.entries(),
                stats.total(), List.of(interval), List.of());
    }
}
