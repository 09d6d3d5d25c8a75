package io.stampede.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.CheckStats;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.ErrorStats;
import io.stampede.core.stats.ExceptionStats;
import io.stampede.core.stats.Percentiles;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.threshold.ThresholdResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON documents of the REST API, with Locust's field names where Locust has the field (so
 * scripts and exporters written for Locust's {@code /stats/requests} read them) and Stampede's own
 * figures under keys Locust does not use. Strings are raw, never HTML-escaped: the page escapes
 * what it shows. Times are in milliseconds, percentiles exact (from the histograms).
 */
final class StatsJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** The two percentiles of Locust's {@code current_response_time_percentiles} (its PERCENTILES_TO_CHART). */
    private static final double[] CHARTED = {50, 95};

    private StatsJson() {
    }

    /** {@code GET /stats/requests}: the statistics, the run's state and what the page needs beside them. */
    static ObjectNode requests(RunView view, WebControl control) {
        return requests(view, control.state(), control);
    }

    /**
     * As {@link #requests(RunView, WebControl)} with the state read by the caller before it took the
     * view: the driver says STOPPED only once the outputs have the final figures, so a state read
     * first never pairs "stopped" with figures from before the end.
     */
    static ObjectNode requests(RunView view, io.stampede.core.run.RunState state, WebControl control) {
        StatsSnapshot s = view.latest();
        ObjectNode doc = MAPPER.createObjectNode();
        doc.set("stats", rows(s));
        ArrayNode errors = doc.putArray("errors");
        for (ErrorStats e : s.errors()) {
            errors.addObject().put("method", e.method()).put("name", e.name()).put("error", e.error())
                    .put("occurrences", e.occurrences())
                    .put("first_seen", Instant.ofEpochMilli(e.firstEpochMillis()).toString())
                    .put("last_seen", Instant.ofEpochMilli(e.lastEpochMillis()).toString());
        }
        EntryStats total = s.total();
        doc.put("total_rps", s.currentRps(StatsSnapshot.AGGREGATED));
        doc.put("total_fail_per_sec", s.currentFailuresPerSecond(StatsSnapshot.AGGREGATED));
        doc.put("fail_ratio", total.failRatio());
        doc.put("total_avg_response_time", total.averageMillis());
        ObjectNode current = doc.putObject("current_response_time_percentiles");
        EntryStats window = s.currentTotal();
        for (double p : CHARTED) {
            current.put("response_time_percentile_" + fraction(p), window.percentileMillis(p));
        }
        doc.put("user_count", state.active() ? view.latest().users() : 0);
        doc.put("state", state.locustName());
        // Stampede's own, beside Locust's
        doc.put("host", control.host());
        doc.put("target_users", control.targetUsers());
        control.userClasses().forEach(doc.putArray("user_classes")::add);
        doc.put("plan", view.info() == null ? null : view.info().plan());
        doc.put("start_time", s.startEpochMillis() / 1000.0);
        doc.put("last_update", s.epochMillis() / 1000.0);
        doc.put("stop_reason", view.result() == null ? null : view.result().stopReason());
        doc.put("exception_count", s.exceptions().stream().mapToLong(ExceptionStats::count).sum());
        doc.set("checks", checks(s.checks()));
        doc.set("thresholds", view.result() == null ? null : thresholds(view.result().thresholds()));
        doc.set("arrival", arrival(view));
        if (view.uncorrected() != null) {
            doc.set("uncorrected_stats", rows(view.uncorrected()));
        }
        return doc;
    }

    /** Users running now: as Locust says, none once the run is over (the summary keeps the run's count). */
    static int userCount(RunView view, WebControl control) {
        return control.state().active() ? view.latest().users() : 0;
    }

    /** {@code GET /exceptions}: Locust's shape ({@code count, msg, traceback, nodes}), raw text. */
    static ObjectNode exceptions(StatsSnapshot s) {
        ObjectNode doc = MAPPER.createObjectNode();
        ArrayNode list = doc.putArray("exceptions");
        for (ExceptionStats e : s.exceptions()) {
            list.addObject().put("count", e.count()).put("msg", e.message()).put("traceback", e.traceback())
                    .put("nodes", String.join(", ", e.nodes()));
        }
        return doc;
    }

    /** One row per (method, name), then Aggregated (whose method is null, as in Locust). */
    static ArrayNode rows(StatsSnapshot s) {
        List<EntryStats> all = new ArrayList<>(s.entries());
        all.add(s.total());
        ArrayNode list = MAPPER.createArrayNode();
        for (EntryStats e : all) {
            boolean aggregated = StatsSnapshot.AGGREGATED.equals(e.key());
            ObjectNode o = list.addObject();
            o.put("method", aggregated ? null : e.method());
            o.put("name", e.name());
            o.put("safe_name", e.name());
            o.put("num_requests", e.count());
            o.put("num_failures", e.failures());
            o.put("avg_response_time", e.averageMillis());
            o.put("min_response_time", e.minMillis());
            o.put("max_response_time", e.maxMillis());
            o.put("current_rps", s.currentRps(e.key()));
            o.put("current_fail_per_sec", s.currentFailuresPerSecond(e.key()));
            o.put("median_response_time", e.medianMillis());
            o.put("ninetieth_response_time", e.percentileMillis(90));
            o.put("ninety_ninth_response_time", e.percentileMillis(99));
            o.put("avg_content_length", e.averageContentBytes());
            // the stats CSV's columns: rates over the whole run, and every reported percentile
            o.put("total_rps", s.rps(e));
            o.put("total_fail_per_sec", s.failuresPerSecond(e));
            for (double p : Percentiles.REPORTED) {
                o.put("response_time_percentile_" + fraction(p), e.percentileMillis(p));
            }
        }
        return list;
    }

    /** The charts' points: time (epoch ms), users, rates per second, percentiles in ms; null where there is nothing. */
    static ArrayNode points(List<ChartPoint> points) {
        ArrayNode list = MAPPER.createArrayNode();
        for (ChartPoint p : points) {
            ObjectNode o = list.addObject().put("t", p.endEpochMillis()).put("users", p.users())
                    .put("rps", p.rps()).put("fps", p.failuresPerSecond());
            if (p.requests() == 0) {
                // no requests, no response times: a gap in the line, not a zero
                o.putNull("p50").putNull("p95").putNull("p99");
            } else {
                o.put("p50", p.p50()).put("p95", p.p95()).put("p99", p.p99());
            }
            if (Double.isNaN(p.intendedRps())) {
                o.putNull("intended");
            } else {
                o.put("intended", p.intendedRps());
            }
        }
        return list;
    }

    private static ArrayNode checks(List<CheckStats> checks) {
        ArrayNode list = MAPPER.createArrayNode();
        for (CheckStats c : checks) {
            list.addObject().put("name", c.name()).put("passes", c.passes()).put("fails", c.fails())
                    .put("pass_rate", c.passRate());
        }
        return list;
    }

    private static ArrayNode thresholds(List<ThresholdResult> results) {
        ArrayNode list = MAPPER.createArrayNode();
        for (ThresholdResult t : results) {
            ObjectNode o = list.addObject().put("threshold", t.threshold().expression()).put("passed", t.passed())
                    .put("actual_text", t.actualText());
            if (Double.isNaN(t.actual())) {
                o.putNull("actual");
            } else {
                o.put("actual", t.actual());
            }
        }
        return list;
    }

    private static ObjectNode arrival(RunView view) {
        ArrivalStats a = view.arrival();
        if (a == null) {
            return null;
        }
        ObjectNode o = MAPPER.createObjectNode().put("scheduled", a.scheduled()).put("started", a.started())
                .put("dropped", a.dropped()).put("users", a.users()).put("max_users", a.maxUsers());
        if (Double.isNaN(view.intendedRps())) {
            o.putNull("intended_rps");
        } else {
            o.put("intended_rps", view.intendedRps());
        }
        return o;
    }

    /** Locust's key for a percentile: 95 becomes "0.95", 100 becomes "1.0". */
    static String fraction(double percentile) {
        String f = BigDecimal.valueOf(percentile).movePointLeft(2).stripTrailingZeros().toPlainString();
        return f.contains(".") ? f : f + ".0";
    }
}
