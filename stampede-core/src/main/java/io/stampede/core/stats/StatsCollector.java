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
    private long lastTickNanos;

    public StatsCollector(StatsRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.startEpochMillis = clock.epochMillis();
        this.lastTickNanos = clock.nanoTime();
    }

    /** Takes what was recorded since the last tick and returns the snapshot as of now. */
    public synchronized StatsSnapshot tick(int users) {
        long nowNanos = clock.nanoTime();
        List<EntryStats> interval = registry.flipIntervals().stream().filter(e -> e.count() > 0).toList();
        for (EntryStats e : interval) {
            totals.merge(e.key(), e, EntryStats::merge);
        }
        window.addLast(new Interval(interval, (nowNanos - lastTickNanos) / 1e9));
        lastTickNanos = nowNanos;
        while (window.size() > WINDOW_TICKS) {
            window.removeFirst();
        }
        List<EntryStats> entries = StatsSnapshot.mergeEntries(List.copyOf(totals.values()), List.of());
        List<EntryStats> current = List.of();
        double currentSeconds = 0;
        for (Interval i : window) {
            current = StatsSnapshot.mergeEntries(current, i.entries);
            currentSeconds += i.seconds;
        }
        return new StatsSnapshot(startEpochMillis, clock.epochMillis(), users, entries, StatsSnapshot.totalOf(entries),
                current, StatsSnapshot.totalOf(current), currentSeconds, registry.errors(), registry.exceptions(),
                registry.checks());
    }

    private long sequence;
    private long lastEpoch = -1;

    /** TEMPORARY stand-in until the stats branch lands. */
    public synchronized StatsInterval next(int users) {
        long now = clock.epochMillis();
        long from = lastEpoch < 0 ? startEpochMillis : lastEpoch;
        lastEpoch = now;
        List<EntryStats> interval = registry.flipIntervals().stream().filter(e -> e.count() > 0).toList();
        return new StatsInterval(++sequence, "local", from, now, users, interval, registry.errors(), registry.exceptions(),
                registry.checks());
    }

    /** Forgets everything measured so far and starts counting again now (Locust's --reset-stats). */
    public synchronized void reset() {
        registry.flipIntervals();
        registry.resetCounters();
        totals.clear();
        window.clear();
        startEpochMillis = clock.epochMillis();
        lastTickNanos = clock.nanoTime();
    }

    private record Interval(List<EntryStats> entries, double seconds) {
    }
}
