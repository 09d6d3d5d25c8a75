package io.stampede.core.run;

import io.stampede.core.output.RunInfo;
import io.stampede.core.plan.Plan;
import io.stampede.core.threshold.Threshold;
import java.util.List;

/**
 * One run to start: its plan, what the outputs are told about it, and its pass criteria.
 *
 * @param thresholds judged at the end; with {@code abortOnThreshold} also each interval once the run
 *                   has gone on for {@link RunDriver#ABORT_GRACE}, ending it as soon as one fails
 * @param resetStatsAfterRamp forget what was measured once the first step's users are all running
 *                            (Locust's --reset-stats)
 */
public record RunRequest(Plan plan, RunInfo info, List<Threshold> thresholds, boolean abortOnThreshold,
                         boolean resetStatsAfterRamp) {
    public RunRequest {
        thresholds = List.copyOf(thresholds);
    }

    public RunRequest(Plan plan, RunInfo info) {
        this(plan, info, List.of(), false, false);
    }
}
