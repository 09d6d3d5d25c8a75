package io.stampede.html;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsSnapshot;
import java.util.List;

/**
 * How an arrival-rate run kept its schedule: the rate it intended against the rate it achieved,
 * the iterations it dropped, and its times measured from the intended start (what a user of the
 * service waits) beside those from the actual send (what the server took).
 */
final class ArrivalSection {
    private ArrivalSection() {
    }

    static String html(RunResult r) {
        ArrivalStats a = r.arrival();
        if (a == null) {
            return "";
        }
        double seconds = r.stats().durationSeconds();
        HtmlTable schedule = new HtmlTable(List.of("Scheduled", "Started", "Dropped", "Intended rate /s",
                "Achieved rate /s", "Users in the pool", "Pool limit"), 0);
        schedule.markupRow(List.of(Long.toString(a.scheduled()), Long.toString(a.started()),
                a.dropped() > 0 ? "<span class=\"fail\">" + a.dropped() + "</span>" : "0",
                Numbers.rate(a.scheduled() / seconds), Numbers.rate(a.started() / seconds), Integer.toString(a.users()),
                Integer.toString(a.maxUsers())), a.dropped() > 0 ? "failed" : null);
        String body = schedule.render();
        if (r.uncorrected() != null) {
            HtmlTable times = new HtmlTable(List.of("Timed from", "Requests", "Median ms", "p95 ms", "p99 ms", "Max ms"), 1);
            times.row(cells("the intended start (corrected)", r.stats().total()));
            times.row(cells("the actual send", r.uncorrected().total()));
            body += times.render();
        }
        return Html.section("arrival", "Arrival schedule", body);
    }

    private static List<String> cells(String what, EntryStats e) {
        return List.of(what, Long.toString(e.count()), Numbers.ms(e.medianMillis()), Numbers.ms(e.percentileMillis(95)),
                Numbers.ms(e.percentileMillis(99)), Numbers.ms(e.maxMillis()));
    }

    /** The schedule's figures, or null for a run of users. */
    static ObjectNode json(RunResult r) {
        ArrivalStats a = r.arrival();
        if (a == null) {
            return null;
        }
        double seconds = r.stats().durationSeconds();
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("scheduled", a.scheduled()).put("started", a.started())
                .put("dropped", a.dropped()).put("users", a.users()).put("max_users", a.maxUsers())
                .put("intended_rate", a.scheduled() / seconds).put("achieved_rate", a.started() / seconds);
        StatsSnapshot u = r.uncorrected();
        if (u != null) {
            o.put("uncorrected_p95", u.total().percentileMillis(95));
        }
        return o;
    }
}
