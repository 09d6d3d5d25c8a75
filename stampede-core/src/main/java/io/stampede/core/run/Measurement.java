package io.stampede.core.run;

import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.StatsInterval;

/**
 * What a controller measured during one interval.
 *
 * @param stats the requests, errors, exceptions and checks of the interval (in an arrival-rate run,
 *              latencies count from each iteration's intended start)
 * @param uncorrected in an arrival-rate run, the same requests timed from their actual send; else null
 * @param arrival in an arrival-rate run, how the schedule has been kept since the start; else null
 */
public record Measurement(StatsInterval stats, StatsInterval uncorrected, ArrivalStats arrival) {
}
