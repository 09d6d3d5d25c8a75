package io.stampede.cli;

/**
 * The documented exit codes (see the README). Scripts and CI depend on these numbers: never renumber.
 */
public final class ExitCodes {
    /** The run finished and no request failed. */
    public static final int OK = 0;
    /** The run finished and at least one request failed (changeable with --exit-code-on-error). */
    public static final int REQUESTS_FAILED = 1;
    /** Bad flags or a scenario that cannot run (compile error, no user class, missing class). */
    public static final int USAGE = 2;
    /** The target could not be reached before the run started (refused, unknown host, timeout). */
    public static final int UNREACHABLE = 3;
    /** A threshold failed. */
    public static final int THRESHOLD_FAILED = 4;
    /** Stampede itself failed (a bug, or a file that could not be written). */
    public static final int INTERNAL = 5;
    /** stampede compare --fail-on-regression: run B is worse than run A beyond the tolerance, significantly. */
    public static final int REGRESSION = 6;
    /** A master's --expect-workers did not all connect within --expect-workers-max-wait. */
    public static final int WORKERS_MISSING = 7;

    private ExitCodes() {
    }
}
