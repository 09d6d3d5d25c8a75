package io.stampede.core.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Everything measured up to one moment, as an immutable value: per-key and total statistics since
 * the start, the same over the recent window (for "current" rates and percentiles), failures,
 * exceptions and checks. Snapshots {@link #merge} exactly, which is how a cluster adds up its workers.
 *
 * @param startEpochMillis when measuring started (or was last reset)
 * @param epochMillis when the snapshot was taken
 * @param users the number of running users at that moment
 * @param entries per (method, name), sorted by name then method
 * @param total all requests together (Locust's "Aggregated" row)
 * @param current per key over the recent window, from {@code currentStartEpochMillis} to {@code epochMillis}
 * @param currentTotal all requests over the recent window
 * @param currentStartEpochMillis where the recent window begins; it ends at {@code epochMillis}. Bounds
 *        rather than a length, so that {@link #merge} can tell two workers' views of the same window
 *        (same length) from two consecutive parts (lengths add up).
 */
public record StatsSnapshot(long startEpochMillis, long epochMillis, int users, List<EntryStats> entries,
                            EntryStats total, List<EntryStats> current, EntryStats currentTotal,
                            long currentStartEpochMillis, List<ErrorStats> errors, List<ExceptionStats> exceptions,
                            List<CheckStats> checks) {
    public static final StatsKey AGGREGATED = new StatsKey("", "Aggregated");

    public StatsSnapshot {
        entries = List.copyOf(entries);
        current = List.copyOf(current);
        errors = List.copyOf(errors);
        exceptions = List.copyOf(exceptions);
        checks = List.copyOf(checks);
    }

    /** The identity of {@link #merge}. */
    public static StatsSnapshot empty(long startEpochMillis) {
        return new StatsSnapshot(startEpochMillis, startEpochMillis, 0, List.of(), EntryStats.empty(AGGREGATED),
                List.of(), EntryStats.empty(AGGREGATED), startEpochMillis, List.of(), List.of(), List.of());
    }

    /** The same statistics with another user count (the count before a final stop, say). */
    public StatsSnapshot withUsers(int count) {
        return new StatsSnapshot(startEpochMillis, epochMillis, count, entries, total, current, currentTotal,
                currentStartEpochMillis, errors, exceptions, checks);
    }

    /** The length of the recent window in seconds; 0 when there is none. */
    public double currentSeconds() {
        return Math.max(0, epochMillis - currentStartEpochMillis) / 1000.0;
    }

    /** Whether the recent window has a length: one that has none (a phase's, a fresh one) stays out of merges. */
    private boolean hasWindow() {
        return currentStartEpochMillis < epochMillis;
    }

    /** Seconds from start to this snapshot, never less than a millisecond. */
    public double durationSeconds() {
        return Math.max(1, epochMillis - startEpochMillis) / 1000.0;
    }

    /** Requests per second over the whole run. */
    public double rps(EntryStats e) {
        return e.count() / durationSeconds();
    }

    public double failuresPerSecond(EntryStats e) {
        return e.failures() / durationSeconds();
    }

    /** Requests per second over the recent window, for a key or {@link #AGGREGATED}. */
    public double currentRps(StatsKey key) {
        EntryStats e = currentOf(key);
        double seconds = currentSeconds();
        return e == null || seconds <= 0 ? 0 : e.count() / seconds;
    }

    public double currentFailuresPerSecond(StatsKey key) {
        EntryStats e = currentOf(key);
        double seconds = currentSeconds();
        return e == null || seconds <= 0 ? 0 : e.failures() / seconds;
    }

    /** The recent-window statistics of a key, or null when it had no requests lately. */
    public EntryStats currentOf(StatsKey key) {
        if (AGGREGATED.equals(key)) {
            return currentTotal;
        }
        for (EntryStats e : current) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        return null;
    }

    /** The statistics of one key since the start, or null. */
    public EntryStats entry(String method, String name) {
        for (EntryStats e : entries) {
            if (e.method().equals(method) && e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /**
     * The sum of two snapshots, of two workers or of two parts of one run. Times and recent windows
     * become the span of both: two workers' windows over the same seconds keep that length, a
     * window followed by the next one adds up to both. A window without length is left out of the
     * span, so {@link #empty} is the identity of any snapshot that covers its moment.
     */
    public StatsSnapshot merge(StatsSnapshot o) {
        long end = Math.max(epochMillis, o.epochMillis);
        long windowStart = end;
        if (hasWindow()) {
            windowStart = currentStartEpochMillis;
        }
        if (o.hasWindow()) {
            windowStart = Math.min(windowStart, o.currentStartEpochMillis);
        }
        return new StatsSnapshot(Math.min(startEpochMillis, o.startEpochMillis), end,
                users + o.users, mergeEntries(entries, o.entries), total.merge(o.total),
                mergeEntries(current, o.current), currentTotal.merge(o.currentTotal), windowStart,
                mergeBy(errors, o.errors, ErrorStats::id, ErrorStats::merge),
                mergeBy(exceptions, o.exceptions, ExceptionStats::id, ExceptionStats::merge),
                mergeBy(checks, o.checks, CheckStats::name, CheckStats::merge));
    }

    /**
     * What happened between {@code earlier} and this snapshot of the same run: the statistics of one
     * phase (a step of a step load, say) taken from two cumulative snapshots. Counts of errors,
     * exceptions and checks are differences; rows that did not grow are left out. The result has no
     * recent window.
     */
    public StatsSnapshot minus(StatsSnapshot earlier, int phaseUsers) {
        List<EntryStats> diff = new ArrayList<>();
        for (EntryStats e : entries) {
            EntryStats before = earlier.entry(e.method(), e.name());
            EntryStats d = before == null ? e : e.minus(before);
            if (d.count() > 0) {
                diff.add(d);
            }
        }
        Map<String, ErrorStats> errorsBefore = byId(earlier.errors, ErrorStats::id);
        List<ErrorStats> newErrors = new ArrayList<>();
        for (ErrorStats x : errors) {
            ErrorStats b = errorsBefore.get(x.id());
            long n = x.occurrences() - (b == null ? 0 : b.occurrences());
            if (n > 0) {
                newErrors.add(new ErrorStats(x.method(), x.name(), x.error(), n,
                        b == null ? x.firstEpochMillis() : earlier.epochMillis, x.lastEpochMillis()));
            }
        }
        Map<String, ExceptionStats> exceptionsBefore = byId(earlier.exceptions, ExceptionStats::id);
        List<ExceptionStats> newExceptions = new ArrayList<>();
        for (ExceptionStats x : exceptions) {
            ExceptionStats b = exceptionsBefore.get(x.id());
            long n = x.count() - (b == null ? 0 : b.count());
            if (n > 0) {
                newExceptions.add(new ExceptionStats(x.message(), x.traceback(), n, x.nodes()));
            }
        }
        Map<String, CheckStats> checksBefore = byId(earlier.checks, CheckStats::name);
        List<CheckStats> newChecks = new ArrayList<>();
        for (CheckStats x : checks) {
            CheckStats b = checksBefore.get(x.name());
            CheckStats d = b == null ? x : new CheckStats(x.name(), x.passes() - b.passes(), x.fails() - b.fails());
            if (d.total() > 0) {
                newChecks.add(d);
            }
        }
        return new StatsSnapshot(earlier.epochMillis, epochMillis, phaseUsers, diff, totalOf(diff), List.of(),
                EntryStats.empty(AGGREGATED), epochMillis, newErrors, newExceptions, newChecks);
    }

    private static <T> Map<String, T> byId(List<T> rows, Function<T, String> id) {
        Map<String, T> byId = new HashMap<>();
        rows.forEach(r -> byId.put(id.apply(r), r));
        return byId;
    }

    /** Entries of both lists summed per key, sorted by key. */
    static List<EntryStats> mergeEntries(List<EntryStats> a, List<EntryStats> b) {
        Map<StatsKey, List<EntryStats>> byKey = new TreeMap<>();
        for (List<EntryStats> list : List.of(a, b)) {
            for (EntryStats e : list) {
                byKey.computeIfAbsent(e.key(), k -> new ArrayList<>(2)).add(e);
            }
        }
        List<EntryStats> merged = new ArrayList<>(byKey.size());
        byKey.forEach((key, parts) -> merged.add(parts.size() == 1 ? parts.get(0) : EntryStats.sum(key, parts)));
        return merged;
    }

    static <T> List<T> mergeBy(List<T> a, List<T> b, Function<T, String> id, BinaryOperator<T> merge) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T t : a) {
            byId.merge(id.apply(t), t, merge);
        }
        for (T t : b) {
            byId.merge(id.apply(t), t, merge);
        }
        return byId.values().stream().sorted(Comparator.comparing(id)).toList();
    }

    /** The sum of entries under the {@link #AGGREGATED} key. */
    static EntryStats totalOf(List<EntryStats> entries) {
        return EntryStats.sum(AGGREGATED, entries);
    }
}
