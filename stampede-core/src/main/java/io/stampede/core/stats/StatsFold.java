package io.stampede.core.stats;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** TEMPORARY stand-in until the stats branch lands. */
public final class StatsFold {
    private final Map<StatsKey, EntryStats> totals = new HashMap<>();
    private final Deque<StatsInterval> window = new ArrayDeque<>();
    private long start;
    private StatsSnapshot last;

    public StatsFold(long startEpochMillis) {
        reset(startEpochMillis);
    }

    public synchronized StatsSnapshot add(StatsInterval i) {
        for (EntryStats e : i.entries()) {
            totals.merge(e.key(), e, EntryStats::merge);
        }
        window.addLast(i);
        while (window.size() > 10) {
            window.removeFirst();
        }
        List<EntryStats> entries = StatsSnapshot.mergeEntries(List.copyOf(totals.values()), List.of());
        List<EntryStats> current = List.of();
        double secs = 0;
        for (StatsInterval w : window) {
            current = StatsSnapshot.mergeEntries(current, w.entries());
            secs += (w.endEpochMillis() - w.startEpochMillis()) / 1000.0;
        }
        last = new StatsSnapshot(start, i.endEpochMillis(), i.users(), entries, StatsSnapshot.totalOf(entries), current,
                StatsSnapshot.totalOf(current), secs, i.errors(), i.exceptions(), i.checks());
        return last;
    }

    public synchronized StatsSnapshot snapshot() {
        return last;
    }

    public synchronized void reset(long epochMillis) {
        totals.clear();
        window.clear();
        start = epochMillis;
        last = StatsSnapshot.empty(epochMillis);
    }
}
