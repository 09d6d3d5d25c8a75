package io.stampede.capacity;

import io.stampede.core.threshold.ThresholdResult;

/**
 * One SLO judged on one step, as plain data.
 *
 * @param slo the expression as given ("p95<500ms")
 * @param actual the measured value (ms for times), NaN when the step had no requests in the scope
 * @param actualText the value for people ("412.3ms", "n/a")
 * @param passed whether the step met it
 */
public record SloCheck(String slo, double actual, String actualText, boolean passed) {
    static SloCheck of(ThresholdResult r) {
        return new SloCheck(r.threshold().expression(), r.actual(), r.actualText(), r.passed());
    }
}
