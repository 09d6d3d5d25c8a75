package io.stampede.store;

import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsKey;
import io.stampede.core.stats.StatsSnapshot;

/**
 * One request name (or the Aggregated row) in two runs: A the baseline, B the run judged.
 *
 * @param a the statistics in run A, or null when only B has the name
 * @param b the statistics in run B, or null when only A has it
 * @param latencyP the Mann-Whitney one-sided p-value of "B is slower"; 1 when not computed
 * @param failureP the two-proportion z-test's one-sided p-value of "B fails more often"; 1 when not computed
 * @param latencyWorse B's p50, p95 or p99 exceeds A's by more than the tolerance
 * @param failuresWorse B's failure rate exceeds A's by more than the tolerance (any rise from zero does)
 */
public record ComparisonRow(StatsKey key, EntryStats a, EntryStats b, double rpsA, double rpsB, double latencyP,
                            double failureP, boolean latencyWorse, boolean failuresWorse) {
    /** Slower beyond the tolerance, and significantly so. */
    public boolean latencyRegressed() {
        return latencyWorse && latencyP < Comparison.SIGNIFICANCE;
    }

    /** Failing more often beyond the tolerance, and significantly so. */
    public boolean failuresRegressed() {
        return failuresWorse && failureP < Comparison.SIGNIFICANCE;
    }

    public boolean regressed() {
        return latencyRegressed() || failuresRegressed();
    }

    /** Whether both runs have the name, so that it was compared at all. */
    public boolean inBoth() {
        return a != null && b != null;
    }

    /** "GET /api/items", or "Aggregated". */
    public String label() {
        return key.equals(StatsSnapshot.AGGREGATED) ? key.name() : key.method() + " " + key.name();
    }

    /** B's value at a percentile relative to A's: 0.3 for 30 % slower; NaN when not both have samples. */
    public double change(double percentile) {
        if (!inBoth() || a.count() == 0 || b.count() == 0) {
            return Double.NaN;
        }
        double before = a.percentileMillis(percentile);
        return before == 0 ? Double.NaN : (b.percentileMillis(percentile) - before) / before;
    }
}
