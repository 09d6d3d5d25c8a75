package io.stampede.core.run;

/**
 * Where a {@link RunDriver} is. READY: nothing has run yet. SPAWNING: a run is on and users (or the
 * pool) are moving towards the target. RUNNING: the target is reached. STOPPING: users are finishing
 * and the final statistics are being written. STOPPED: the last run's result is complete; a new run
 * may start.
 */
public enum RunState {
    READY, SPAWNING, RUNNING, STOPPING, STOPPED;

    /** Whether a run is on (users may be sending requests). */
    public boolean active() {
        return this == SPAWNING || this == RUNNING || this == STOPPING;
    }

    /** Locust's word for the state, as its web UI and REST answers show it. */
    public String locustName() {
        return switch (this) {
            case READY -> "ready";
            case SPAWNING -> "spawning";
            case RUNNING -> "running";
            case STOPPING -> "stopping";
            case STOPPED -> "stopped";
        };
    }
}
