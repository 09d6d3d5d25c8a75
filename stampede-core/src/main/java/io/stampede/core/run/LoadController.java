package io.stampede.core.run;

/**
 * The seam through which a run is driven. {@link RunDriver} is the only caller: it turns plans and
 * outside commands (a web page, a test, a master) into targets, and asks for what was measured
 * once per interval. A local {@link Engine} implements it in-process; a master implements it over
 * its workers, so a local run is a cluster of one.
 */
public interface LoadController {
    /**
     * Throws {@link IllegalArgumentException} when {@code target} cannot run here (an unknown user
     * class, say), without changing anything; called before {@link #apply} so a bad command is
     * refused where it was given.
     */
    void check(LoadTarget target);

    /**
     * Moves towards {@code target}; the newest target wins. {@code atNanos} (on the run's clock) is
     * when the target takes effect: a plan's step says when it was due, so a target delivered a few
     * milliseconds late still ramps and schedules from its due time.
     */
    void apply(LoadTarget target, long atNanos);

    /** Whether the users (or the pool) have reached the latest target. */
    boolean settled();

    /** Users running now. */
    int runningUsers();

    /** Takes what was measured since the previous call. */
    Measurement measure();

    /**
     * Stops every user: waiting users stop at once, users in a task finish it within the stop timeout,
     * then the rest are interrupted. Returns when every user has ended; the controller can start again.
     */
    void stopAll();
}
