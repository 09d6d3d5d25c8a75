package io.stampede.store;

import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsSnapshot;

/**
 * What the stored intervals of a running run add up to, kept by its writer so the history shows
 * live counts, and an incomplete run its last ones, without re-reading any interval.
 */
record Progress(int intervals, int peakUsers, long startEpochMillis, long endEpochMillis, EntryStats total) {
    static Progress none(long startEpochMillis) {
        return new Progress(0, 0, startEpochMillis, startEpochMillis, EntryStats.empty(StatsSnapshot.AGGREGATED));
    }

    Progress plus(StatsInterval interval) {
        long start = intervals == 0 ? interval.startEpochMillis() : startEpochMillis;
        return new Progress(intervals + 1, Math.max(peakUsers, interval.users()), start,
                Math.max(endEpochMillis, interval.endEpochMillis()), total.merge(interval.total()));
    }
}
