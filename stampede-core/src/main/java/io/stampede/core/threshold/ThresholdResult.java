package io.stampede.core.threshold;

/**
 * A threshold's outcome: the measured value (NaN when nothing was measured) and whether it passed.
 */
public record ThresholdResult(Threshold threshold, double actual, boolean passed) {
    /** The measured value for people: "412.3ms", "0.0041", "n/a". */
    public String actualText() {
        if (Double.isNaN(actual)) {
            return "n/a";
        }
        if (threshold.isTime()) {
            return String.format(java.util.Locale.ROOT, "%.1fms", actual);
        }
        return actual == Math.rint(actual) && Math.abs(actual) < 1e15
                ? String.valueOf((long) actual) : String.format(java.util.Locale.ROOT, "%.4f", actual);
    }
}
