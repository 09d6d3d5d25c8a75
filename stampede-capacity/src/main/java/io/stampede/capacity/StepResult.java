package io.stampede.capacity;

import io.stampede.core.capacity.LoadLevel;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.ErrorStats;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.threshold.Threshold;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one step of the search measured after its warm-up, as plain data (for the table, JSON and
 * the planner's decisions).
 *
 * @param kind exploring or narrowing
 * @param load the step's users or arrival rate
 * @param seconds how long it was measured (the step less its warm-up, to the statistics' interval)
 * @param requests requests completed in that time
 * @param failures of which failed
 * @param failRatio failures / requests (0 without requests)
 * @param rps requests per second
 * @param timeouts failures named as timeouts ("read timeout after 60s")
 * @param topError the most frequent error, or null without failures
 * @param slos each SLO judged on this step alone
 */
public record StepResult(StepKind kind, double load, double seconds, long requests, long failures, double failRatio,
                         double avgMillis, double p50Millis, double p95Millis, double p99Millis, double rps,
                         long timeouts, String topError, List<SloCheck> slos) {
    public StepResult {
        slos = List.copyOf(slos);
    }

    /** The step's figures from {@code stats}, the difference of two snapshots of the run. */
    static StepResult of(StepKind kind, double load, StatsSnapshot stats, List<Threshold> slos) {
        EntryStats t = stats.total();
        Map<String, Long> byError = new HashMap<>();
        long timeouts = 0;
        for (ErrorStats e : stats.errors()) {
            byError.merge(e.error(), e.occurrences(), Long::sum);
            if (Timeouts.named(e.error())) {
                timeouts += e.occurrences();
            }
        }
        String top = byError.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))) // ties: the first by name
                .map(Map.Entry::getKey).orElse(null);
        List<SloCheck> checks = slos.stream().map(s -> SloCheck.of(s.evaluate(stats))).toList();
        return new StepResult(kind, load, stats.durationSeconds(), t.count(), t.failures(), t.failRatio(),
                t.averageMillis(), t.medianMillis(), t.percentileMillis(95), t.percentileMillis(99), stats.rps(t),
                timeouts, top, checks);
    }

    /** Whether every SLO passed (true without SLOs). */
    public boolean slosMet() {
        return slos.stream().allMatch(SloCheck::passed);
    }

    /** The point on the load-throughput curve, for the knee rule. */
    public LoadLevel level() {
        return new LoadLevel(load, rps, avgMillis, p95Millis);
    }
}
