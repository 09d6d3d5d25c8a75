package io.stampede.core.run;

/**
 * How many iterations are due by a moment, under a rate that ramps linearly between targets: the
 * integral of the rate, kept exactly across changes (a change at {@code t} starts a new ramp from
 * the rate and the count due at {@code t}). Not thread-safe; the scheduler thread owns it.
 */
final class RateSchedule {
    private long originNanos;
    private double dueAtOrigin;
    private double fromRate;
    private double toRate;
    private long rampNanos;
    /** Nothing is due past this until the next target (Long.MAX_VALUE: no limit). */
    private long holdUntilNanos = Long.MAX_VALUE;

    RateSchedule(long startNanos) {
        this.originNanos = startNanos;
    }

    /**
     * From {@code atNanos} on, move linearly from the rate then to {@code perSecond} over {@code rampNanos},
     * and issue nothing past {@code holdNanos} after {@code atNanos} (negative: no limit) until the next retarget.
     */
    void retarget(double perSecond, long rampNanos, long atNanos, long holdNanos) {
        double due = dueBy(atNanos);
        double rate = rateAt(atNanos);
        this.dueAtOrigin = due;
        this.fromRate = rate;
        this.toRate = perSecond;
        this.rampNanos = Math.max(0, rampNanos);
        this.originNanos = atNanos;
        this.holdUntilNanos = holdNanos < 0 ? Long.MAX_VALUE : atNanos + holdNanos;
    }

    /** Iterations per second at {@code nanos}. */
    double rateAt(long nanos) {
        double t = Math.max(0, nanos - originNanos);
        if (rampNanos == 0 || t >= rampNanos) {
            return toRate;
        }
        return fromRate + (toRate - fromRate) * t / rampNanos;
    }

    /** Iterations due from the start to {@code nanos}: never decreasing. */
    double dueBy(long nanos) {
        double t = Math.max(0, Math.min(nanos, holdUntilNanos) - originNanos) / 1e9;
        double ramp = rampNanos / 1e9;
        if (ramp == 0) {
            return dueAtOrigin + toRate * t;
        }
        if (t <= ramp) {
            return dueAtOrigin + fromRate * t + (toRate - fromRate) * t * t / (2 * ramp);
        }
        return dueAtOrigin + (fromRate + toRate) / 2 * ramp + toRate * (t - ramp);
    }
}
