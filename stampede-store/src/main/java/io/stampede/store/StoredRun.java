package io.stampede.store;

import io.stampede.core.output.RunInfo;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsKey;
import io.stampede.core.stats.StatsSnapshot;
import java.util.List;

/**
 * Everything stored of one run. For a complete run {@link #entries} and {@link #total} are the final
 * statistics as the run reported them; for an incomplete one they are the sum of its stored
 * intervals, which is all that is known.
 *
 * @param info what the run was given, as at its start
 * @param statsStartEpochMillis where its statistics begin (the start, or the last reset)
 * @param statsEndEpochMillis where they end: rates are counts over this span
 * @param entries per (method, name), sorted by name then method, with their histograms
 * @param total all requests together (the Aggregated row)
 * @param intervals every stored interval, in the order the run handed them out
 * @param thresholds each threshold's outcome; empty when none were set or the run did not finish
 */
public record StoredRun(RunSummary summary, RunInfo info, long statsStartEpochMillis, long statsEndEpochMillis,
                        List<EntryStats> entries, EntryStats total, List<StatsInterval> intervals,
                        List<StoredThreshold> thresholds) {
    public StoredRun {
        entries = List.copyOf(entries);
        intervals = List.copyOf(intervals);
        thresholds = List.copyOf(thresholds);
    }

    public long id() {
        return summary.id();
    }

    /** Seconds the statistics cover, never less than a millisecond (for rates). */
    public double durationSeconds() {
        return Math.max(1, statsEndEpochMillis - statsStartEpochMillis) / 1000.0;
    }

    /** Requests per second of one entry over the run. */
    public double rps(EntryStats e) {
        return e.count() / durationSeconds();
    }

    /** The statistics of a key, {@link StatsSnapshot#AGGREGATED} for the total; null when the run has none. */
    public EntryStats entry(StatsKey key) {
        if (StatsSnapshot.AGGREGATED.equals(key)) {
            return total;
        }
        return entries.stream().filter(e -> e.key().equals(key)).findFirst().orElse(null);
    }
}
