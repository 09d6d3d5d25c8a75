package io.stampede.html;

import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.threshold.Threshold;
import io.stampede.core.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A run made by hand, second by second, through the real recording path (a {@link StatsRegistry}
 * flipped by {@link StatsCollector#next}) on a clock the test moves: exact numbers, no waiting.
 */
final class SyntheticRun {
    static final long START = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    /** A name from a scenario that tries to become markup and to end the data block. */
    static final String NASTY = "/search?q=<script>alert('x')</script>&\"quoted\"";

    private final long[] now = {START};
    final Clock clock = new Clock() {
        @Override
        public long nanoTime() {
            return now[0] * 1_000_000L;
        }

        @Override
        public long epochMillis() {
            return now[0];
        }
    };
    final StatsRegistry registry = new StatsRegistry(clock, "local");
    final StatsCollector collector = new StatsCollector(registry, clock);
    final List<StatsInterval> series = new ArrayList<>();
    /** Off for long runs: an hour of decoded intervals would not fit in a test's heap (see IntervalBuffer). */
    boolean keepSeries = true;
    final List<RunResult.Phase> phases = new ArrayList<>();
    private final Random random = new Random(42);
    private StatsSnapshot phaseStart;

    /** Records what {@code recordings} does as one interval of {@code millis} with {@code users} running. */
    StatsInterval interval(long millis, int users, Consumer<StatsRegistry> recordings) {
        recordings.accept(registry);
        now[0] += millis;
        StatsInterval i = collector.next(users);
        if (keepSeries) {
            series.add(i);
        }
        return i;
    }

    /** {@code count} requests of one key, times spread around {@code meanMillis}. */
    void requests(String method, String name, int count, double meanMillis, int failEvery, String error) {
        for (int i = 0; i < count; i++) {
            double ms = meanMillis * (0.5 + random.nextDouble()) + (random.nextInt(100) == 0 ? meanMillis * 4 : 0);
            boolean fail = failEvery > 0 && i % failEvery == failEvery - 1;
            registry.record(method, name, (long) (ms * 1e6), 512 + random.nextInt(1024), fail ? error : null);
        }
    }

    /** Marks where a phase (a step) begins; {@link #endPhase} takes its statistics. */
    void beginPhase() {
        phaseStart = collector.snapshot();
    }

    void endPhase(String name, int users) {
        phases.add(new RunResult.Phase(name, users, collector.snapshot().minus(phaseStart, users)));
    }

    RunInfo info() {
        return new RunInfo("https://shop.example.com", List.of("Shopper", "Browser"), "step load: +10 users every 60s up to 40",
                START);
    }

    RunResult result(List<String> thresholds, ArrivalStats arrival) {
        StatsSnapshot s = collector.snapshot();
        return new RunResult(s, "run time reached", phases,
                thresholds.stream().map(t -> Threshold.parse(t).evaluate(s)).toList(), arrival == null ? null : s, arrival);
    }

    /**
     * A step load of four 60 s steps of 10 to 40 users whose throughput stops growing after 20
     * users (the knee), with failures, an exception, checks and a name full of markup.
     */
    static SyntheticRun stepLoad() {
        SyntheticRun run = new SyntheticRun();
        int[] rps = {100, 200, 212, 215};
        for (int step = 0; step < 4; step++) {
            int users = 10 * (step + 1);
            double latency = 20 + Math.max(0, step - 1) * 60;
            run.beginPhase();
            for (int second = 0; second < 60; second++) {
                int n = rps[step];
                boolean checkFails = second % 10 == 0;
                run.interval(1000, users, r -> {
                    run.requests("GET", "/api/products", n / 2, latency, 0, null);
                    run.requests("POST", "/api/cart", n / 4, latency * 1.5, 25, "HTTP 500 <b>Internal Server Error</b>");
                    run.requests("GET", NASTY, n / 4, latency * 0.8, 0, null);
                    r.recordCheck("cart has items", !checkFails);
                });
            }
            run.endPhase("step " + (step + 1), users);
        }
        run.interval(200, 0, r -> r.recordException(new IllegalStateException("cart was <empty> & closed")));
        return run;
    }
}
