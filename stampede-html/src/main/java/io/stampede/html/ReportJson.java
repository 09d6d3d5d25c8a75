package io.stampede.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.core.output.RunResult;
import io.stampede.report.CapacityTable;

/**
 * The data the page's charts draw, embedded as one JSON document: the statistics rows (so the
 * figures can be read back out of a report), the over-time series, each endpoint's latency curve,
 * the steps of a step load with its knee, and the arrival schedule.
 */
final class ReportJson {
    /** Raised when the layout of this document changes, for scripts that read it out of reports. */
    static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportJson() {
    }

    static ObjectNode of(ReportData data) {
        RunResult r = data.result();
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("format", FORMAT);
        ObjectNode run = doc.putObject("run");
        run.put("host", data.info().host()).put("plan", data.info().plan()).put("stop_reason", r.stopReason())
                .put("start_time", r.stats().startEpochMillis()).put("end_time", r.stats().epochMillis())
                .put("duration_s", r.stats().durationSeconds()).put("thresholds_passed", r.thresholdsPassed());
        data.info().userClasses().forEach(run.putArray("user_classes")::add);
        ObjectNode parameters = run.putObject("parameters");
        data.parameters().forEach(parameters::put);
        doc.set("stats", StatsTable.json(r.stats()));
        doc.set("series", SeriesColumns.of(data.series()));
        doc.set("distribution", LatencyCurve.of(r.stats()));
        doc.set("phases", CapacitySection.json(r.phases()));
        doc.put("knee", CapacityTable.kneeIndex(r.phases()));
        doc.set("arrival", ArrivalSection.json(r));
        return doc;
    }

    /** The document as text for the page's data block. */
    static String text(ObjectNode doc) {
        try {
            return Html.scriptJson(MAPPER.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report's data", e);
        }
    }
}
