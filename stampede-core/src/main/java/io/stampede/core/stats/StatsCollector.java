package io.stampede.core.stats;

import io.stampede.core.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the live registry into snapshots: each {@link #tick} takes the interval recorded since the
 * previous tick, adds it to the totals, and keeps the last few intervals as the "current" window.
 * One thread ticks (the run's reporter); {@code synchronized} only guards against a final tick racing
 * a periodic one.
 */
public final class StatsCollector {
    /** How many ticks make the "current" window (Locust reports current rates over about 10 s). */
    static final int WINDOW_TICKS = 10;

    private final StatsRegistry registry;
    private final Clock clock;
    private final Map<StatsKey, EntryStats> totals = new HashMap<>();
    private final Deque<Interval> window = new ArrayDeque<>();
    private long startEpochMillis;
    private long lastTickMillis;

    public StatsCollector(StatsRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.startEpochMillis = clock.epochMillis();
        this.lastTickMillis = startEpochMillis;
    }

    /** Takes what was recorded since the last tick and returns the snapshot as of now. */
    public synchronized StatsSnapshot tick(int users) {
        List<EntryStats> interval = registry.flipIntervals().stream().filter(e -> e.count() > 0).toList();
        for (EntryStats e : interval) {
            totals.merge(e.key(), e, EntryStats::merge);
        }
        long nowMillis = clock.epochMillis();
        window.addLast(new Interval(interval, lastTickMillis));
        lastTickMillis = nowMillis;
        while (window.size() > WINDOW_TICKS) {
            window.removeFirst();
        }
        List<EntryStats> entries = StatsSnapshot.mergeEntries(List.copyOf(totals.values()), List.of());
        List<EntryStats> current = List.of();
        for (Interval i : window) {
            current = StatsSnapshot.mergeEntries(current, i.entries);
        }
        return new StatsSnapshot(startEpochMillis, nowMillis, users, entries, StatsSnapshot.totalOf(entries),
                current, StatsSnapshot.totalOf(current), window.getFirst().startEpochMillis, registry.errors(), registry.exceptions(),
                registry.checks());
    }

    /** Forgets everything measured so far and starts counting again now (Locust's --reset-stats). */
    public synchronized void reset() {
        registry.flipIntervals();
        registry.resetCounters();
        totals.clear();
        window.clear();
        startEpochMillis = clock.epochMillis();
        lastTickMillis = startEpochMillis;
    }

    private record Interval(List<EntryStats> entries, long startEpochMillis) {
    }
}
