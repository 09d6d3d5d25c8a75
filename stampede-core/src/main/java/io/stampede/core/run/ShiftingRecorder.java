package io.stampede.core.run;

import io.stampede.core.stats.RequestRecorder;

/**
 * Records each request twice in an arrival-rate run: in the main statistics measured from when the
 * iteration was meant to start (coordinated-omission correction, as wrk2 does), and in the
 * "uncorrected" statistics measured from the actual send. A server stall then shows in the
 * corrected percentiles even though the stalled users sent nothing while it lasted.
 */
final class ShiftingRecorder implements RequestRecorder {
    private final RequestRecorder corrected;
    private final RequestRecorder uncorrected;
    private long lateNanos;

    ShiftingRecorder(RequestRecorder corrected, RequestRecorder uncorrected) {
        this.corrected = corrected;
        this.uncorrected = uncorrected;
    }

    /** How late the current iteration started; set by the user's own thread before each iteration. */
    void late(long nanos) {
        lateNanos = Math.max(0, nanos);
    }

    @Override
    public void record(String method, String name, long elapsedNanos, long contentLength, String error) {
        corrected.record(method, name, elapsedNanos + lateNanos, contentLength, error);
        uncorrected.record(method, name, elapsedNanos, contentLength, error);
    }
}
