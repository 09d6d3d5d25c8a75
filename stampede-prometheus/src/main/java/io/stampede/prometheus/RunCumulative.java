package io.stampede.prometheus;

/**
 * A process-lifetime counter fed with a figure that counts from zero again each run (the arrival
 * scheduler's scheduled and dropped iterations): it adds only what the figure grew by since it was
 * last seen, so the counter never goes down when a new run starts.
 */
final class RunCumulative {
    private long total;
    private long lastSeen;

    /** A new run: its figure starts again from zero. */
    void restart() {
        lastSeen = 0;
    }

    void see(long runFigure) {
        // a smaller figure than before can only be a run we were not told had started
        long grown = runFigure >= lastSeen ? runFigure - lastSeen : runFigure;
        total += grown;
        lastSeen = runFigure;
    }

    long total() {
        return total;
    }
}
