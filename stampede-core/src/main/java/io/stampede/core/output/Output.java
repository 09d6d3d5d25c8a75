package io.stampede.core.output;

import io.stampede.core.stats.StatsSnapshot;

/**
 * Where results go: the console, CSV files, a JSON summary, later the web UI and Prometheus. The
 * engine calls {@link #start} once, {@link #onSnapshot} about once a second from one reporter
 * thread (never concurrently), and {@link #finish} once with the final, complete statistics, also
 * after Ctrl-C. Outputs see only immutable values, never the engine.
 */
public interface Output {
    default void start(RunInfo info) {
    }

    /** A periodic snapshot; must not block for long (it delays the next one). */
    default void onSnapshot(StatsSnapshot snapshot) {
    }

    /** The final statistics. An output that writes files must have written them all when this returns. */
    void finish(RunResult result) throws Exception;
}
