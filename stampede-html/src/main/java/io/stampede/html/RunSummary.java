package io.stampede.html;

import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The top of the report: the headline numbers, then what the run was (host, plan, parameters). */
final class RunSummary {
    private RunSummary() {
    }

    static String title(RunInfo info, RunResult r) {
        String host = orEmpty(info.host());
        return "Stampede report: " + (host.isEmpty() ? "run" : host) + ", " + Numbers.time(r.stats().startEpochMillis());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static String headline(RunResult r) {
        StatsSnapshot s = r.stats();
        EntryStats t = s.total();
        StringBuilder b = new StringBuilder("<div class=\"cards\">");
        card(b, "Requests", Long.toString(t.count()), null);
        card(b, "Failures", t.failures() + " (" + Numbers.pct(t.failRatio()) + ")", t.failures() > 0 ? "fail" : null);
        card(b, "Requests/s", Numbers.rate(s.rps(t)), null);
        card(b, "Median", t.count() == 0 ? "N/A" : Numbers.ms(t.medianMillis()) + " ms", null);
        card(b, "p95", t.count() == 0 ? "N/A" : Numbers.ms(t.percentileMillis(95)) + " ms", null);
        card(b, "p99", t.count() == 0 ? "N/A" : Numbers.ms(t.percentileMillis(99)) + " ms", null);
        card(b, "Duration", Numbers.duration(s.durationSeconds()), null);
        if (!r.thresholds().isEmpty()) {
            card(b, "Thresholds", r.thresholdsPassed() ? "passed" : "failed", r.thresholdsPassed() ? "pass" : "fail");
        }
        return b.append("</div>").toString();
    }

    private static void card(StringBuilder b, String label, String value, String cssClass) {
        b.append("<div class=\"card\"><div class=\"label\">").append(Html.escape(label)).append("</div><div class=\"value")
                .append(cssClass == null ? "" : " " + cssClass).append("\">").append(Html.escape(value)).append("</div></div>");
    }

    /** What describes the run: RunInfo's fields first, then the caller's parameters in their order. */
    static String parameters(RunInfo info, RunResult r, Map<String, String> parameters) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Host", orEmpty(info.host())));
        rows.add(List.of("User classes", String.join(", ", info.userClasses())));
        rows.add(List.of("Load plan", orEmpty(info.plan())));
        rows.add(List.of("Started", Numbers.time(r.stats().startEpochMillis())));
        rows.add(List.of("Ended", Numbers.time(r.stats().epochMillis())));
        rows.add(List.of("Stop reason", orEmpty(r.stopReason())));
        parameters.forEach((k, v) -> rows.add(List.of(orEmpty(k), orEmpty(v))));
        HtmlTable t = new HtmlTable(List.of("Parameter", "Value"), 2);
        rows.forEach(t::row);
        return Html.section("parameters", "Run", t.render());
    }
}
