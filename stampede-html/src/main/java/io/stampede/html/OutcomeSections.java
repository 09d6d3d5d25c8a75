package io.stampede.html;

import io.stampede.core.stats.CheckStats;
import io.stampede.core.threshold.ThresholdResult;
import java.util.List;

/** What the run was judged by: the scenario's checks and the run's thresholds, each with pass or fail. */
final class OutcomeSections {
    private OutcomeSections() {
    }

    static String checks(List<CheckStats> checks) {
        if (checks.isEmpty()) {
            return "";
        }
        HtmlTable t = new HtmlTable(List.of("Check", "Passes", "Fails", "Pass rate", ""), 1);
        for (CheckStats c : checks) {
            t.markupRow(List.of(Html.escape(c.name()), Long.toString(c.passes()), Long.toString(c.fails()),
                    Numbers.pct(c.passRate()), Html.verdict(c.fails() == 0)), c.fails() == 0 ? null : "failed");
        }
        return Html.section("checks", "Checks", t.render());
    }

    static String thresholds(List<ThresholdResult> thresholds) {
        if (thresholds.isEmpty()) {
            return "";
        }
        HtmlTable t = new HtmlTable(List.of("Threshold", "Actual", ""), 1);
        for (ThresholdResult r : thresholds) {
            t.markupRow(List.of(Html.escape(r.threshold().expression()), Html.escape(r.actualText()),
                    Html.verdict(r.passed())), r.passed() ? null : "failed");
        }
        return Html.section("thresholds", "Thresholds", t.render());
    }
}
