package io.stampede.store;

/**
 * One row of the history: what {@code stampede history} lists. While a run is being written its
 * counts are those of the intervals stored so far; an incomplete run keeps the last of them.
 *
 * @param id the run's number in this store, increasing
 * @param startedEpochMillis wall time of the start
 * @param endedEpochMillis wall time of the end, or of the last write of an incomplete run; 0 while running
 * @param scenario what was run (the scenario file, as the CLI names it)
 * @param host the target base URL
 * @param plan the load plan in one line
 * @param users the most users seen running
 * @param stopReason why it ended ("run time reached", "interrupted", ...); null while running
 * @param requests all requests, failed ones included
 * @param failurePercent failures per 100 requests
 * @param p95Millis the 95th percentile response time over all requests
 */
public record RunSummary(long id, long startedEpochMillis, long endedEpochMillis, String scenario, String host,
                         String plan, int users, RunStatus status, String stopReason, long requests, long failures,
                         double failurePercent, double p95Millis, ThresholdsOutcome thresholds) {
}
