package io.stampede.web;

import io.stampede.core.run.RunRequest;
import java.time.Duration;

/**
 * Builds the request for a run started from the page or the REST API. The command line supplies
 * it: it knows the thresholds and flags, and it may point the transport at a new host.
 */
@FunctionalInterface
public interface RunRequestFactory {
    /**
     * @param host the target to run against (already checked to be an http or https URL)
     * @param runTime null: until stopped
     * @throws IllegalArgumentException when the values cannot make a run (said in the 400 answer)
     */
    RunRequest create(int users, double spawnRate, String host, Duration runTime);
}
