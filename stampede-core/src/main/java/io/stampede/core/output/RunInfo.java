package io.stampede.core.output;

import java.util.List;

/**
 * What a run is about, known before it starts.
 *
 * @param host the target base URL
 * @param userClasses the simulated user classes, by simple name
 * @param plan a one-line description of the load plan ("50 users at 10/s for 30s")
 * @param startEpochMillis wall time of the start
 */
public record RunInfo(String host, List<String> userClasses, String plan, long startEpochMillis) {
    public RunInfo {
        userClasses = List.copyOf(userClasses);
    }
}
