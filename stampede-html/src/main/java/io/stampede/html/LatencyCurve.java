package io.stampede.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Each endpoint's latency distribution as a percentile curve from its whole histogram: the time
 * under which a given share of its requests finished, on a grid that spends most points on the
 * tail, where load problems show.
 */
final class LatencyCurve {
    /** Percentiles of the curve; 0 is the exact minimum and 100 the exact maximum. */
    static final List<Double> GRID = List.of(0.0, 10.0, 25.0, 50.0, 75.0, 90.0, 95.0, 98.0, 99.0, 99.5, 99.9, 99.95,
            99.99, 99.999, 100.0);

    private LatencyCurve() {
    }

    /** {@code percentiles}: the grid; {@code entries}: per (method, name) then Aggregated, a label and ms per grid point. */
    static ObjectNode of(StatsSnapshot stats) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        GRID.forEach(o.putArray("percentiles")::add);
        ArrayNode entries = o.putArray("entries");
        List<EntryStats> rows = new ArrayList<>(stats.entries());
        rows.add(stats.total());
        for (EntryStats e : rows) {
            if (e.count() == 0) {
                continue;
            }
            ObjectNode row = entries.addObject();
            row.put("label", StatsSnapshot.AGGREGATED.equals(e.key()) ? e.name() : e.method() + " " + e.name());
            ArrayNode ms = row.putArray("ms");
            for (double p : GRID) {
                ms.add(Numbers.chart(p == 0 ? e.minMillis() : e.percentileMillis(p)));
            }
        }
        return o;
    }
}
