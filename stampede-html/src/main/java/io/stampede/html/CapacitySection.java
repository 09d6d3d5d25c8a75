package io.stampede.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.EntryStats;
import io.stampede.report.CapacityTable;
import java.util.List;
import java.util.Locale;

/**
 * A step load's capacity: throughput and p95 against users per step, with the knee where more users
 * stopped buying throughput. The knee is {@link CapacityTable}'s, so the console and the report agree.
 */
final class CapacitySection {
    private CapacitySection() {
    }

    static String html(List<RunResult.Phase> phases) {
        if (phases.isEmpty()) {
            return "";
        }
        int knee = CapacityTable.kneeIndex(phases);
        HtmlTable t = new HtmlTable(List.of("Step", "Users", "Requests", "Failures", "Fail %", "Avg ms", "p95 ms", "req/s"), 1);
        for (int i = 0; i < phases.size(); i++) {
            RunResult.Phase p = phases.get(i);
            EntryStats e = p.stats().total();
            List<String> cells = List.of(p.name(), Integer.toString(p.users()), Long.toString(e.count()),
                    Long.toString(e.failures()), Numbers.pct(e.failRatio()), Numbers.ms(e.averageMillis()),
                    Numbers.ms(e.percentileMillis(95)), Numbers.rate(p.stats().rps(e)));
            t.markupRow(cells.stream().map(Html::escape).toList(), i == knee ? "knee" : null);
        }
        String body = "<div id=\"chart-capacity\" class=\"chart\"></div>" + Html.note(sentence(phases, knee)) + t.render();
        return Html.section("capacity", "Capacity by step", body);
    }

    static String sentence(List<RunResult.Phase> phases, int knee) {
        if (knee < 0) {
            return "No knee: throughput grew with every step of users.";
        }
        RunResult.Phase at = phases.get(knee);
        RunResult.Phase next = phases.get(knee + 1);
        return String.format(Locale.ROOT, "Knee at %d users (%s req/s): at %d users throughput was %s req/s, "
                        + "while p95 went from %s ms to %s ms.", at.users(), Numbers.rate(rps(at)), next.users(),
                Numbers.rate(rps(next)), Numbers.ms(at.stats().total().percentileMillis(95)),
                Numbers.ms(next.stats().total().percentileMillis(95)));
    }

    private static double rps(RunResult.Phase p) {
        return p.stats().rps(p.stats().total());
    }

    /** Per step: its name, users, req/s and p95; with {@code knee} as the knee's index (-1 for none). */
    static ArrayNode json(List<RunResult.Phase> phases) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (RunResult.Phase p : phases) {
            EntryStats e = p.stats().total();
            list.addObject().put("name", p.name()).put("users", p.users()).put("requests", e.count())
                    .put("failures", e.failures()).put("rps", Numbers.chart(rps(p)))
                    .put("p95", Numbers.chart(e.percentileMillis(95)));
        }
        return list;
    }
}
