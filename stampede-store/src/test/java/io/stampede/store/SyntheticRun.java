package io.stampede.store;

import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsFold;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.threshold.Threshold;
import io.stampede.core.threshold.ThresholdResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A run made up from a seed, the same in every process: one-second intervals with three request
 * names, failures with two causes, an exception and a check, recorded through the real registry and
 * collector so every value is one a run really produces.
 */
final class SyntheticRun {
    static final long START = 1_767_000_000_000L;
    static final RunInfo INFO = new RunInfo("http://shop.test:8080", List.of("ShopUser", "AdminUser"),
            "20 users at 5/s for 1m", START);

    private SyntheticRun() {
    }

    static List<StatsInterval> intervals(long seed, int count) {
        Random random = new Random(seed);
        ManualClock clock = new ManualClock(START);
        StatsRegistry registry = new StatsRegistry(clock, "node-1");
        StatsCollector collector = new StatsCollector(registry, clock);
        // An exception with no stack: a trace would differ between the test and its child process.
        RuntimeException bug = new IllegalStateException("no basket");
        bug.setStackTrace(new StackTraceElement[0]);
        List<StatsInterval> intervals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int requests = 50 + random.nextInt(150);
            for (int r = 0; r < requests; r++) {
                double pick = random.nextDouble();
                String name = pick < 0.6 ? "/api/items" : pick < 0.9 ? "/api/items/[id]" : "/api/basket";
                String method = name.equals("/api/basket") ? "POST" : "GET";
                long nanos = (long) (Math.exp(3 + 0.6 * random.nextGaussian()) * 1_000_000);
                double fail = random.nextDouble();
                String error = fail < 0.02 ? "HTTP 503" : fail < 0.03 ? "timeout" : null;
                registry.record(method, name, nanos, 200 + random.nextInt(2000), error);
                clock.advanceMillis(random.nextInt(2));
            }
            if (random.nextInt(5) == 0) {
                registry.recordException(bug);
            }
            registry.recordCheck("has items", random.nextInt(20) != 0);
            clock.advanceMillis(1000 - clock.epochMillis() % 1000 + random.nextInt(5));
            intervals.add(collector.next(Math.min(20, 5 * (i + 1))));
        }
        return intervals;
    }

    /** What the intervals add up to, as the run driver would report at the end. */
    static StatsSnapshot fold(List<StatsInterval> intervals) {
        StatsFold fold = new StatsFold(START);
        StatsSnapshot s = fold.snapshot();
        for (StatsInterval i : intervals) {
            s = fold.add(i);
        }
        return s;
    }

    static RunResult result(List<StatsInterval> intervals) {
        StatsSnapshot stats = fold(intervals);
        Threshold p95 = Threshold.parse("p95<500ms");
        Threshold failures = Threshold.parse("fail_ratio<0.01");
        return new RunResult(stats, "run time reached", List.of(), List.of(
                new ThresholdResult(p95, stats.total().percentileMillis(95), true),
                new ThresholdResult(failures, stats.total().failRatio(), false),
                new ThresholdResult(Threshold.parse("checks>0.99"), Double.NaN, false)), null, null);
    }
}
