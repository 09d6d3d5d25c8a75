package io.stampede.core.output;

import io.stampede.core.stats.StatsSnapshot;
import java.util.List;

/**
 * The outcome of a run, handed to every output at the end.
 *
 * @param stats the final statistics: every request recorded, nothing still in flight
 * @param stopReason why the run ended ("run time reached", "interrupted", ...)
 * @param phases statistics kept separately per phase (for example per step of a step load); may be empty
 */
public record RunResult(StatsSnapshot stats, String stopReason, List<Phase> phases) {
    public RunResult {
        phases = List.copyOf(phases);
    }

    /** A named part of the run with its own statistics and the number of users it ran with. */
    public record Phase(String name, int users, StatsSnapshot stats) {
    }
}
