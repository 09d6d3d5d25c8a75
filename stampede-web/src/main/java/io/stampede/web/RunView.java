package io.stampede.web;

import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.StatsSnapshot;
import java.util.List;

/**
 * What the page shows of the current (or last) run, as one immutable value, swapped whole by
 * {@link WebOutput} so a reader never sees half an update.
 *
 * @param info what the run is about; null before the first run
 * @param latest the cumulative statistics as of the last interval (the final ones once finished)
 * @param arrival in an arrival-rate run, how the schedule has been kept; else null
 * @param uncorrected in an arrival-rate run, the statistics timed from the actual send; else null
 * @param intendedRps in an arrival-rate run, the rate the schedule asked for lately; NaN otherwise
 * @param result the run's result once it has finished; null while it runs
 */
record RunView(RunInfo info, StatsSnapshot latest, ArrivalStats arrival, StatsSnapshot uncorrected,
               double intendedRps, RunResult result) {
    static final RunView NONE = new RunView(null, StatsSnapshot.empty(0), null, null, Double.NaN, null);

    static RunView started(RunInfo info) {
        return new RunView(info, StatsSnapshot.empty(info.startEpochMillis()), null, null, Double.NaN, null);
    }

    RunView withLatest(StatsSnapshot s) {
        return new RunView(info, s, arrival, uncorrected, intendedRps, result);
    }

    RunView withArrival(ArrivalStats a, StatsSnapshot raw, double rate) {
        return new RunView(info, latest, a, raw, rate, result);
    }

    RunView finished(RunResult r) {
        return new RunView(info, r.stats(), r.arrival() != null ? r.arrival() : arrival,
                r.uncorrected() != null ? r.uncorrected() : uncorrected, intendedRps, r);
    }

    /** The result to hand out as the JSON summary: the final one, or the run so far. */
    RunResult resultSoFar() {
        return result != null ? result : new RunResult(latest, null, List.of(), List.of(), uncorrected, arrival);
    }
}
