package io.stampede.store;

import io.stampede.core.threshold.ThresholdResult;
import java.util.List;
import java.util.Locale;

/** A run's thresholds in one word, for the history table. The column holds the lower-case name. */
public enum ThresholdsOutcome {
    /** None were set, or the run did not finish. */
    NONE,
    PASSED,
    FAILED;

    static ThresholdsOutcome of(List<ThresholdResult> results) {
        if (results.isEmpty()) {
            return NONE;
        }
        return results.stream().allMatch(ThresholdResult::passed) ? PASSED : FAILED;
    }

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ThresholdsOutcome ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
