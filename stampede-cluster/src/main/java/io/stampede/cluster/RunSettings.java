package io.stampede.cluster;

import java.time.Duration;

/**
 * What every worker's engine runs with, besides the scenario.
 *
 * @param seed the run's seed; each worker gets its own stream of it (see {@link #seedFor})
 */
public record RunSettings(Duration stopTimeout, long seed, HttpSettings http) {
    /** The golden ratio's 64 bits: consecutive workers' seeds land far apart. */
    private static final long SPREAD = 0x9E3779B97F4A7C15L;

    /** The seed of the worker that joined {@code ordinal}-th (1, 2...): the same run and order, the same seeds. */
    public long seedFor(int ordinal) {
        return seed + ordinal * SPREAD;
    }
}
