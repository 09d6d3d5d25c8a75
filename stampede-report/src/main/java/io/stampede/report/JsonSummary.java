package io.stampede.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.CheckStats;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.ErrorStats;
import io.stampede.core.stats.ExceptionStats;
import io.stampede.core.stats.Percentiles;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.threshold.ThresholdResult;

/**
 * The final result as a JSON document. {@code stats} holds one object per (method, name) and then
 * the Aggregated one, with Locust's field names (times in ms) plus the percentiles, so scripts
 * written for Locust's --json find what they expect.
 */
public final class JsonSummary {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonSummary() {
    }

    /** The document as {@code --json-file} writes it (indented, without the final line break). */
    public static String text(RunResult result) {
        return text(result, java.util.Map.of());
    }

    /** The document with {@code extra} top-level fields after the others (plain values, maps and lists). */
    public static String text(RunResult result, java.util.Map<String, ?> extra) {
        try {
            ObjectNode doc = of(result);
            extra.forEach((k, v) -> doc.set(k, MAPPER.valueToTree(v)));
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            // a tree of plain values always serialises; this would be a bug in the tree
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode of(RunResult result) {
        StatsSnapshot s = result.stats();
        ObjectNode doc = MAPPER.createObjectNode();
        doc.set("stats", entries(s));
        ArrayNode failures = doc.putArray("failures");
        for (ErrorStats e : s.errors()) {
            failures.addObject().put("method", e.method()).put("name", e.name()).put("error", e.error())
                    .put("occurrences", e.occurrences());
        }
        ArrayNode exceptions = doc.putArray("exceptions");
        for (ExceptionStats e : s.exceptions()) {
            ObjectNode x = exceptions.addObject().put("count", e.count()).put("message", e.message()).put("traceback", e.traceback());
            e.nodes().forEach(x.putArray("nodes")::add);
        }
        ArrayNode checks = doc.putArray("checks");
        for (CheckStats c : s.checks()) {
            checks.addObject().put("name", c.name()).put("passes", c.passes()).put("fails", c.fails()).put("pass_rate", c.passRate());
        }
        ArrayNode thresholds = doc.putArray("thresholds");
        for (ThresholdResult t : result.thresholds()) {
            ObjectNode o = thresholds.addObject().put("threshold", t.threshold().expression()).put("passed", t.passed());
            if (Double.isNaN(t.actual())) {
                o.putNull("actual");
            } else {
                o.put("actual", t.actual());
            }
        }
        doc.put("thresholds_passed", result.thresholdsPassed());
        doc.put("start_time", s.startEpochMillis() / 1000.0);
        doc.put("end_time", s.epochMillis() / 1000.0);
        doc.put("duration_s", s.durationSeconds());
        doc.put("user_count", s.users());
        doc.put("stop_reason", result.stopReason());
        ArrayNode phases = doc.putArray("phases");
        for (RunResult.Phase p : result.phases()) {
            phases.addObject().put("name", p.name()).put("users", p.users()).set("stats", entries(p.stats()));
        }
        if (result.uncorrected() != null) {
            doc.set("uncorrected_stats", entries(result.uncorrected()));
        }
        ArrivalStats a = result.arrival();
        if (a != null) {
            doc.putObject("arrival").put("scheduled", a.scheduled()).put("started", a.started())
                    .put("dropped", a.dropped()).put("users", a.users()).put("max_users", a.maxUsers());
        }
        return doc;
    }

    static ArrayNode entries(StatsSnapshot s) {
        ArrayNode list = MAPPER.createArrayNode();
        for (EntryStats e : Rows.withTotal(s)) {
            ObjectNode o = list.addObject();
            o.put("method", Rows.type(e)).put("name", e.name()).put("num_requests", e.count())
                    .put("num_failures", e.failures()).put("total_response_time", e.totalNanos() / 1e6)
                    .put("min_response_time", e.minMillis()).put("max_response_time", e.maxMillis())
                    .put("total_content_length", e.contentBytes()).put("avg_response_time", e.averageMillis())
                    .put("median_response_time", e.medianMillis()).put("avg_content_length", e.averageContentBytes())
                    .put("requests_per_sec", s.rps(e)).put("failures_per_sec", s.failuresPerSecond(e))
                    .put("fail_ratio", e.failRatio());
            ObjectNode p = o.putObject("percentiles");
            for (double q : Percentiles.REPORTED) {
                String label = Percentiles.label(q);
                p.put(label.substring(0, label.length() - 1), e.percentileMillis(q));
            }
        }
        return list;
    }
}
