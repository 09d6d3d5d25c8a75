package io.stampede.html;

import io.stampede.core.stats.ErrorStats;
import io.stampede.core.stats.ExceptionStats;
import io.stampede.core.stats.StatsSnapshot;
import java.util.List;

/** What went wrong: failed requests by error, and exceptions from scenario code with their tracebacks. */
final class ProblemSections {
    private ProblemSections() {
    }

    static String failures(StatsSnapshot s) {
        if (s.errors().isEmpty()) {
            return Html.section("failures", "Failures", Html.note("No request failed."));
        }
        HtmlTable t = new HtmlTable(List.of("Method", "Name", "Error", "Occurrences", "First seen", "Last seen"), 3);
        for (ErrorStats e : s.errors()) {
            t.row(List.of(e.method(), e.name(), e.error(), Long.toString(e.occurrences()),
                    Numbers.time(e.firstEpochMillis()), Numbers.time(e.lastEpochMillis())));
        }
        return Html.section("failures", "Failures", t.render());
    }

    /** One row per exception; its traceback folds open beneath its message. */
    static String exceptions(StatsSnapshot s) {
        if (s.exceptions().isEmpty()) {
            return Html.section("exceptions", "Exceptions", Html.note("No exception was thrown by scenario code."));
        }
        HtmlTable t = new HtmlTable(List.of("Count", "Exception", "Nodes"), 3);
        for (ExceptionStats e : s.exceptions()) {
            String message = "<details><summary>" + Html.escape(e.message()) + "</summary><pre>"
                    + Html.escape(e.traceback()) + "</pre></details>";
            t.markupRow(List.of(Long.toString(e.count()), message, Html.escape(String.join(", ", e.nodes()))), null);
        }
        return Html.section("exceptions", "Exceptions", t.render());
    }
}
