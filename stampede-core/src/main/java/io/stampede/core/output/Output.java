package io.stampede.core.output;

import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsSnapshot;

/**
 * Where results go: the console, CSV files, a JSON summary, the web UI, Prometheus. The run driver
 * calls {@link #start} once a run, then each interval (about a second) {@link #onInterval} with what
 * was measured in it and {@link #onSnapshot} with the cumulative statistics, from one thread (never
 * concurrently), and {@link #finish} once with the final, complete statistics, also after Ctrl-C.
 * Outputs see only immutable values, never the engine. An output that throws is dropped from the
 * periodic calls of that run (and said so once); it still gets {@link #finish}, and no other output
 * is affected.
 */
public interface Output {
    /** How this output is named when it fails. */
    default String name() {
        return getClass().getSimpleName();
    }

    default void start(RunInfo info) {
    }

    /**
     * What was measured during one interval, in sequence; the run's last interval (taken after every
     * user stopped) comes just before {@link #finish}. Charts and a master consume these.
     */
    default void onInterval(StatsInterval interval) {
    }

    /**
     * In an arrival-rate run, after each {@link #onSnapshot}: how the schedule has been kept so far
     * and the statistics timed from the actual send (without coordinated-omission correction).
     */
    default void onArrival(ArrivalStats arrival, StatsSnapshot uncorrected) {
    }

    /** A periodic cumulative snapshot; must not block for long (it delays the next one). */
    default void onSnapshot(StatsSnapshot snapshot) {
    }

    /** The final statistics. An output that writes files must have written them all when this returns. */
    void finish(RunResult result) throws Exception;
}
