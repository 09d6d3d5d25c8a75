package io.stampede.core.stats;

import io.stampede.core.time.Clock;

/**
 * Turns the live registry into intervals and snapshots: each {@link #next} flips everything
 * recorded since the previous one into a {@link StatsInterval}, and folds it into this collector's
 * {@link StatsFold}, so {@link #tick} and {@link #snapshot} always cover every interval handed out.
 * One thread calls it (the run's reporter); {@code synchronized} only guards against a final tick
 * racing a periodic one.
 */
public final class StatsCollector {
    private final StatsRegistry registry;
    private final Clock clock;
    private final StatsFold fold;
    private long sequence;
    private long lastEndEpochMillis;

    public StatsCollector(StatsRegistry registry, Clock clock) {
        this(registry, clock, true);
    }

    private StatsCollector(StatsRegistry registry, Clock clock, boolean keepTotals) {
        this.registry = registry;
        this.clock = clock;
        this.lastEndEpochMillis = clock.epochMillis();
        this.fold = keepTotals ? new StatsFold(lastEndEpochMillis) : null;
    }

    /**
     * A collector that only hands out intervals and keeps no totals of its own: the engine's, whose
     * intervals a driver (or a master) folds. Folding them here too would merge every histogram
     * twice a second and hold the run's totals twice. {@link #tick} and {@link #snapshot} refuse.
     */
    public static StatsCollector intervalsOnly(StatsRegistry registry, Clock clock) {
        return new StatsCollector(registry, clock, false);
    }

    /**
     * Flips what was recorded since the previous call into the next interval (sequence 1, 2, 3...,
     * from the previous end to now) and adds it to the totals.
     */
    public synchronized StatsInterval next(int users) {
        StatsRegistry.Taken taken = registry.flip();
        // Read after the flip: every sample in the interval was timed before its end.
        long end = clock.epochMillis();
        StatsInterval interval = new StatsInterval(++sequence, registry.node(), lastEndEpochMillis, end, users,
                taken.entries(), taken.errors(), taken.exceptions(), taken.checks());
        lastEndEpochMillis = end;
        if (fold != null) {
            fold.include(interval);
        }
        return interval;
    }

    /** Takes what was recorded since the last call and returns the snapshot as of now. */
    public synchronized StatsSnapshot tick(int users) {
        next(users);
        return totals().snapshot();
    }

    /** The latest snapshot, as of the last {@link #next} or {@link #tick}, without flipping. */
    public synchronized StatsSnapshot snapshot() {
        return totals().snapshot();
    }

    private StatsFold totals() {
        if (fold == null) {
            throw new IllegalStateException("this collector hands out intervals only: fold them for totals");
        }
        return fold;
    }

    /**
     * Forgets everything measured so far and starts counting again now (Locust's --reset-stats).
     * What was recorded before is dropped without using up a sequence number: the next interval
     * starts here.
     */
    public synchronized void reset() {
        registry.flip();
        lastEndEpochMillis = clock.epochMillis();
        if (fold != null) {
            fold.reset(lastEndEpochMillis);
        }
    }
}
