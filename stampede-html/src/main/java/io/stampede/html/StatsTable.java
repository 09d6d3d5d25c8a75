package io.stampede.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.Percentiles;
import io.stampede.core.stats.StatsSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The request statistics, one row per (method, name) and then Aggregated: as a table with the
 * columns of Locust's stats CSV (people know them), and as JSON rows with Locust's --json names.
 */
final class StatsTable {
    static final List<String> HEADER = header();

    private StatsTable() {
    }

    private static List<String> header() {
        List<String> h = new ArrayList<>(List.of("Type", "Name", "Request Count", "Failure Count", "Median Response Time",
                "Average Response Time", "Min Response Time", "Max Response Time", "Average Content Size", "Requests/s",
                "Failures/s"));
        Percentiles.REPORTED.forEach(p -> h.add(Percentiles.label(p)));
        return List.copyOf(h);
    }

    static List<EntryStats> rows(StatsSnapshot s) {
        List<EntryStats> rows = new ArrayList<>(s.entries());
        rows.add(s.total());
        return rows;
    }

    /** Locust's "Type" column: the method, empty for the Aggregated row. */
    private static String type(EntryStats e) {
        return StatsSnapshot.AGGREGATED.equals(e.key()) ? "" : e.method();
    }

    static String html(StatsSnapshot s) {
        HtmlTable t = new HtmlTable(HEADER, 2);
        for (EntryStats e : rows(s)) {
            boolean none = e.count() == 0;
            List<String> r = new ArrayList<>();
            r.add(type(e));
            r.add(e.name());
            r.add(Long.toString(e.count()));
            r.add(Long.toString(e.failures()));
            r.add(none ? "N/A" : Numbers.ms(e.medianMillis()));
            r.add(Numbers.ms(e.averageMillis()));
            r.add(none ? "N/A" : Numbers.ms(e.minMillis()));
            r.add(none ? "N/A" : Numbers.ms(e.maxMillis()));
            r.add(String.valueOf(Math.round(e.averageContentBytes())));
            r.add(Numbers.rate(s.rps(e)));
            r.add(Numbers.rate(s.failuresPerSecond(e)));
            for (double p : Percentiles.REPORTED) {
                r.add(none ? "N/A" : Numbers.ms(e.percentileMillis(p)));
            }
            boolean total = StatsSnapshot.AGGREGATED.equals(e.key());
            t.markupRow(r.stream().map(Html::escape).toList(), total ? "total" : e.failures() > 0 ? "failed" : null);
        }
        return t.render();
    }

    static ArrayNode json(StatsSnapshot s) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (EntryStats e : rows(s)) {
            ObjectNode o = list.addObject();
            o.put("method", type(e)).put("name", e.name()).put("num_requests", e.count())
                    .put("num_failures", e.failures()).put("avg_response_time", e.averageMillis())
                    .put("min_response_time", e.minMillis()).put("max_response_time", e.maxMillis())
                    .put("median_response_time", e.medianMillis()).put("avg_content_length", e.averageContentBytes())
                    .put("requests_per_sec", s.rps(e)).put("failures_per_sec", s.failuresPerSecond(e));
            ObjectNode p = o.putObject("percentiles");
            for (double q : Percentiles.REPORTED) {
                String label = Percentiles.label(q);
                p.put(label.substring(0, label.length() - 1), e.percentileMillis(q));
            }
        }
        return list;
    }
}
