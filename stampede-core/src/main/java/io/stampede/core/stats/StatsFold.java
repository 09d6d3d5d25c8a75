package io.stampede.core.stats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * A pure fold of intervals into cumulative snapshots: the totals since the start (or the last
 * reset), and the last {@value #WINDOW_INTERVALS} intervals as the "current" window. It is the same
 * for one process (fed by its {@link StatsCollector}) and for a master (fed merged intervals).
 * Not thread-safe: one thread folds.
 */
public final class StatsFold {
    /** How many intervals make the "current" window (Locust reports current rates over about 10 s). */
    public static final int WINDOW_INTERVALS = 10;

    private final Map<StatsKey, EntryStats> totals = new HashMap<>();
    private final Map<String, ErrorStats> errors = new HashMap<>();
    private final Map<String, ExceptionStats> exceptions = new HashMap<>();
    private final Map<String, CheckStats> checks = new HashMap<>();
    private final Deque<StatsInterval> window = new ArrayDeque<>();
    private long startEpochMillis;
    private StatsInterval last;
    /** Built on demand: a collector that only streams intervals never pays for snapshots. */
    private StatsSnapshot latest;

    public StatsFold(long startEpochMillis) {
        reset(startEpochMillis);
    }

    /** Adds one interval and returns the snapshot as of its end, with its user count. */
    public StatsSnapshot add(StatsInterval interval) {
        include(interval);
        return snapshot();
    }

    /** Adds one interval without building its snapshot. */
    void include(StatsInterval interval) {
        for (EntryStats e : interval.entries()) {
            totals.merge(e.key(), e, EntryStats::merge);
        }
        addAll(errors, interval.errors(), ErrorStats::id, ErrorStats::merge);
        addAll(exceptions, interval.exceptions(), ExceptionStats::id, ExceptionStats::merge);
        addAll(checks, interval.checks(), CheckStats::name, CheckStats::merge);
        window.addLast(interval);
        while (window.size() > WINDOW_INTERVALS) {
            window.removeFirst();
        }
        last = interval;
        latest = null;
    }

    /** The latest snapshot, without adding anything: {@link StatsSnapshot#empty} before the first interval. */
    public StatsSnapshot snapshot() {
        if (latest == null) {
            latest = last == null ? StatsSnapshot.empty(startEpochMillis) : snapshotAt(last.endEpochMillis(), last.users());
        }
        return latest;
    }

    /**
     * Forgets everything (Locust's reset stats): later intervals count from here, as if the run had
     * started at {@code epochMillis}.
     */
    public void reset(long epochMillis) {
        totals.clear();
        errors.clear();
        exceptions.clear();
        checks.clear();
        window.clear();
        startEpochMillis = epochMillis;
        last = null;
        latest = null;
    }

    private StatsSnapshot snapshotAt(long epochMillis, int users) {
        List<EntryStats> entries = StatsSnapshot.mergeEntries(List.copyOf(totals.values()), List.of());
        Map<StatsKey, List<EntryStats>> recent = new HashMap<>();
        long windowStart = epochMillis;
        for (StatsInterval i : window) {
            windowStart = Math.min(windowStart, i.startEpochMillis());
            for (EntryStats e : i.entries()) {
                recent.computeIfAbsent(e.key(), k -> new ArrayList<>(WINDOW_INTERVALS)).add(e);
            }
        }
        List<EntryStats> current = new ArrayList<>(recent.size());
        recent.forEach((key, parts) -> current.add(EntryStats.sum(key, parts)));
        current.sort((a, b) -> a.key().compareTo(b.key()));
        return new StatsSnapshot(startEpochMillis, epochMillis, users, entries, StatsSnapshot.totalOf(entries),
                current, StatsSnapshot.totalOf(current), windowStart, sortedValues(errors, ErrorStats::id),
                sortedValues(exceptions, ExceptionStats::id), sortedValues(checks, CheckStats::name));
    }

    private static <T> void addAll(Map<String, T> into, List<T> rows, Function<T, String> id, BinaryOperator<T> merge) {
        for (T row : rows) {
            into.merge(id.apply(row), row, merge);
        }
    }

    private static <T> List<T> sortedValues(Map<String, T> byId, Function<T, String> id) {
        return StatsSnapshot.mergeBy(List.copyOf(byId.values()), List.of(), id, (a, b) -> a);
    }
}
