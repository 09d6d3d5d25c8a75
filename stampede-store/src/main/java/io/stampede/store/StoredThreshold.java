package io.stampede.store;

/**
 * A threshold's outcome as stored: its expression as given ({@code p95<500ms}), the measured value
 * in the metric's unit (NaN when nothing was measured), and whether it passed.
 */
public record StoredThreshold(String expression, double actual, boolean passed) {
}
