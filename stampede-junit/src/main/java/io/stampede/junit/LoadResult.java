package io.stampede.junit;

import io.stampede.core.output.RunResult;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsSnapshot;
import java.nio.file.Path;

/**
 * What a {@link LoadTest}'s load measured, for the method's own assertions. JUnit resolves the
 * parameter before the load runs, so this is filled in just before the body is called.
 */
public final class LoadResult {
    private volatile RunResult run;
    private volatile int exitCode = -1;
    private volatile Path directory;

    LoadResult() {
    }

    void fill(RunResult run, int exitCode, Path directory) {
        this.run = run;
        this.exitCode = exitCode;
        this.directory = directory;
    }

    /** The run's result: final statistics per name, thresholds, phases. */
    public RunResult run() {
        if (run == null) {
            throw new IllegalStateException("the load has not run yet");
        }
        return run;
    }

    /** The final statistics. */
    public StatsSnapshot stats() {
        return run().stats();
    }

    /** Requests sent (of every name). */
    public long requests() {
        return stats().total().count();
    }

    /** Requests that failed. */
    public long failures() {
        return stats().total().failures();
    }

    /** One name's statistics ("GET", "/api/products/[id]/"), or null when there were none. */
    public EntryStats entry(String method, String name) {
        return stats().entry(method, name);
    }

    /** The exit code the command would have given (see the README's exit codes). */
    public int exitCode() {
        return exitCode;
    }

    /** Where the run's files are: {@code target/stampede/<test class>/<method>/}. */
    public Path directory() {
        return directory;
    }
}
