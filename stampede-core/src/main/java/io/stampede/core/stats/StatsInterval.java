package io.stampede.core.stats;

import java.util.List;

/** TEMPORARY stand-in until the stats branch lands. */
public record StatsInterval(long sequence, String node, long startEpochMillis, long endEpochMillis, int users,
                            List<EntryStats> entries, List<ErrorStats> errors, List<ExceptionStats> exceptions,
                            List<CheckStats> checks) {
    public static final int FORMAT_VERSION = 1;

    public EntryStats total() {
        return StatsSnapshot.totalOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty() && errors.isEmpty() && exceptions.isEmpty() && checks.isEmpty();
    }
}
