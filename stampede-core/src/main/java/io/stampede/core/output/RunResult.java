package io.stampede.core.output;

import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.threshold.ThresholdResult;
import java.util.List;

/**
 * The outcome of a run, handed to every output at the end.
 *
 * @param stats the final statistics: every request recorded, nothing still in flight (in an
 *              arrival-rate run, latencies count from each iteration's intended start)
 * @param stopReason why the run ended ("run time reached", "interrupted", ...)
 * @param phases statistics kept separately per phase (for example per step of a step load); may be empty
 * @param thresholds each threshold's outcome; empty when none were set
 * @param uncorrected in an arrival-rate run, the statistics measured from the actual send; else null
 * @param arrival in an arrival-rate run, how the schedule was kept; else null
 */
public record RunResult(StatsSnapshot stats, String stopReason, List<Phase> phases, List<ThresholdResult> thresholds,
                        StatsSnapshot uncorrected, ArrivalStats arrival) {
    public RunResult {
        phases = List.copyOf(phases);
        thresholds = List.copyOf(thresholds);
    }

    public RunResult(StatsSnapshot stats, String stopReason, List<Phase> phases) {
        this(stats, stopReason, phases, List.of(), null, null);
    }

    /** Whether every threshold passed (true when there were none). */
    public boolean thresholdsPassed() {
        return thresholds.stream().allMatch(ThresholdResult::passed);
    }

    /** A named part of the run with its own statistics and the number of users it ran with. */
    public record Phase(String name, int users, StatsSnapshot stats) {
    }
}
