package io.stampede.html;

import io.stampede.core.output.RunResult;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTML report of a run: one self-contained file that opens offline, with uPlot and the page's
 * script inlined, every text from the run escaped, and the charts' data as a JSON block.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(ReportData data) {
        Assets assets = Assets.INSTANCE;
        RunResult r = data.result();
        Map<String, String> slots = new HashMap<>();
        slots.put("TITLE", Html.escape(RunSummary.title(data.info(), r)));
        slots.put("UPLOT_CSS", assets.uplotCss);
        slots.put("REPORT_CSS", assets.reportCss);
        slots.put("HEADLINE", RunSummary.headline(r));
        slots.put("PARAMETERS", RunSummary.parameters(data.info(), r, data.parameters()));
        slots.put("SERIES_NOTE", data.series().isEmpty()
                ? Html.note("This report was made from a summary, which keeps no per-interval series: nothing to chart over time.")
                : "");
        slots.put("ARRIVAL", ArrivalSection.html(r));
        slots.put("CAPACITY", CapacitySection.html(r.phases()));
        slots.put("STATS", StatsTable.html(r.stats()));
        slots.put("FAILURES", ProblemSections.failures(r.stats()));
        slots.put("EXCEPTIONS", ProblemSections.exceptions(r.stats()));
        slots.put("CHECKS", OutcomeSections.checks(r.stats().checks()));
        slots.put("THRESHOLDS", OutcomeSections.thresholds(r.thresholds()));
        slots.put("DATA", ReportJson.text(ReportJson.of(data)));
        slots.put("UPLOT_JS", assets.uplotJs);
        slots.put("REPORT_JS", assets.reportJs);
        return Template.fill(assets.page, slots);
    }
}
