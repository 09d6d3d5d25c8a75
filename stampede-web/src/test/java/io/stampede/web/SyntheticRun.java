package io.stampede.web;

import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.threshold.Threshold;
import java.util.List;

/**
 * Feeds an output as the run driver does, one second at a time, with requests recorded through the
 * real statistics (registry, collector, fold) on a clock the test moves: hours of run in seconds.
 */
final class SyntheticRun {
    final FakeClock clock = new FakeClock();
    private final StatsRegistry registry = new StatsRegistry(clock, "synthetic");
    private final StatsCollector collector = new StatsCollector(registry, clock);
    private final WebOutput output;
    private StatsSnapshot last;
    long requests;

    SyntheticRun(WebOutput output) {
        this.output = output;
        output.start(new RunInfo("http://127.0.0.1:1", List.of("U"), "synthetic", clock.epochMillis()));
    }

    /** One interval of {@code perSecond} requests of 1 to 51 ms, one in fifty failing. */
    StatsInterval second(int perSecond, int users) {
        for (int i = 0; i < perSecond; i++) {
            long micros = 1000 + (requests * 7919 % 50_000);
            String error = requests % 50 == 0 ? "HTTP 503" : null;
            registry.record("GET", "/item", micros * 1000, 512, error);
            requests++;
        }
        clock.advanceMillis(1000);
        StatsInterval interval = collector.next(users);
        // the collector folds what it hands out, as the driver's fold does
        last = collector.snapshot();
        output.onInterval(interval);
        output.onSnapshot(last);
        return interval;
    }

    /** An exception thrown by scenario code, counted in the next interval. */
    void exception(Throwable t) {
        registry.recordException(t);
    }

    void check(String name, boolean passed) {
        registry.recordCheck(name, passed);
    }

    StatsSnapshot latest() {
        return last;
    }

    RunResult finish() {
        return finish(List.of(), null);
    }

    /** Ends the run with its thresholds judged on the final statistics. */
    RunResult finish(List<Threshold> thresholds, ArrivalStats arrival) {
        RunResult r = new RunResult(last, "done", List.of(), thresholds.stream().map(t -> t.evaluate(last)).toList(),
                arrival == null ? null : last, arrival);
        output.finish(r);
        return r;
    }
}
