package io.stampede.web;

import io.stampede.core.run.RunState;
import java.time.Duration;
import java.util.List;

/**
 * What the page and the REST endpoints may do to the run, and what they may know of it. The web
 * server holds nothing else of the engine: {@link DriverWebControl} is the one over a run driver,
 * a test may give its own.
 */
public interface WebControl {
    RunState state();

    /** The current target base URL. */
    String host();

    /** The user classes of the scenario, by simple name. */
    List<String> userClasses();

    /** The last user count asked for (by the page, the REST API or the command line); 0 before any. */
    int targetUsers();

    /**
     * Locust's {@code POST /swarm}: starts a run when none is on, or changes the users and spawn
     * rate of the one that is.
     *
     * @param host the new target, or null or blank to keep the current one
     * @param runTime how long the run lasts; null: until stopped
     * @throws IllegalArgumentException bad values (the message goes into the 400 answer); nothing changed
     * @throws IllegalStateException when it cannot be done now (the message goes into the 409 answer)
     */
    void swarm(int users, double spawnRate, String host, Duration runTime);

    /** Ends the run that is on, if any; its final statistics are still written. */
    void stop();

    /** Forgets what was measured so far and counts again from now (Locust's reset stats). */
    void resetStats();
}
