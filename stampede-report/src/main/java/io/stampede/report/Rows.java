package io.stampede.report;

import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsSnapshot;
import java.util.ArrayList;
import java.util.List;

/** The rows every table shows: one per (method, name), then Aggregated. */
final class Rows {
    private Rows() {
    }

    static List<EntryStats> withTotal(StatsSnapshot s) {
        List<EntryStats> rows = new ArrayList<>(s.entries());
        rows.add(s.total());
        return rows;
    }

    /** Locust's "Type" column: the method, empty for the Aggregated row. */
    static String type(EntryStats e) {
        return StatsSnapshot.AGGREGATED.equals(e.key()) ? "" : e.method();
    }
}
