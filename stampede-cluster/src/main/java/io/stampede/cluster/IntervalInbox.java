package io.stampede.cluster;

import io.stampede.core.run.Measurement;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.StatsInterval;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the workers measured and the master has not handed on yet. Intervals are merged as they
 * arrive ({@link StatsInterval#merge}: counts and histograms add, nothing is averaged), so what the
 * master hands on is exactly the sum of what arrived, whatever the number of workers or intervals.
 * Arrival figures are each worker's since its start: the latest of each is kept, a lost worker's too,
 * so the cluster's totals never go back when a worker goes.
 */
final class IntervalInbox {
    private StatsInterval stats;
    private StatsInterval uncorrected;
    private final Map<String, ArrivalStats> arrival = new LinkedHashMap<>();

    synchronized void add(String worker, Measurement m) {
        stats = stats == null ? m.stats() : stats.merge(m.stats());
        if (m.uncorrected() != null) {
            uncorrected = uncorrected == null ? m.uncorrected() : uncorrected.merge(m.uncorrected());
        }
        if (m.arrival() != null) {
            arrival.put(worker, m.arrival());
        }
    }

    /**
     * What arrived since the last take, as the cluster's interval number {@code sequence} over the
     * master's own times (workers' clocks may differ) with the users running now.
     */
    synchronized Measurement take(long sequence, long startEpochMillis, long endEpochMillis, int users, boolean open) {
        StatsInterval s = framed(stats, sequence, startEpochMillis, endEpochMillis, users);
        StatsInterval u = open ? framed(uncorrected, sequence, startEpochMillis, endEpochMillis, users) : null;
        stats = null;
        uncorrected = null;
        return new Measurement(s, u, open ? arrivalTotal() : null);
    }

    /** A worker went: its counts stay in the totals, its pool no longer runs. */
    synchronized void gone(String worker) {
        ArrivalStats a = arrival.get(worker);
        if (a != null) {
            arrival.put(worker, new ArrivalStats(a.scheduled(), a.started(), a.dropped(), 0, 0));
        }
    }

    /** A new run: the workers' schedules start from zero again. */
    synchronized void newRun() {
        arrival.clear();
    }

    private static StatsInterval framed(StatsInterval merged, long sequence, long start, long end, int users) {
        if (merged == null) {
            return StatsInterval.empty(sequence, "cluster", start, end, users);
        }
        return new StatsInterval(sequence, merged.node(), start, end, users, merged.entries(), merged.errors(),
                merged.exceptions(), merged.checks());
    }

    private ArrivalStats arrivalTotal() {
        long scheduled = 0;
        long started = 0;
        long dropped = 0;
        int users = 0;
        int maxUsers = 0;
        for (ArrivalStats a : arrival.values()) {
            scheduled += a.scheduled();
            started += a.started();
            dropped += a.dropped();
            users += a.users();
            maxUsers += a.maxUsers();
        }
        return new ArrivalStats(scheduled, started, dropped, users, maxUsers);
    }
}
