package io.stampede.store;

import java.time.ZoneId;
import java.util.List;

/** The console table of {@code stampede history}: one line per run, oldest first as given. */
public final class HistoryTable {
    private HistoryTable() {
    }

    /** Dates in this machine's time zone. */
    public static String render(List<RunSummary> runs) {
        return render(runs, ZoneId.systemDefault());
    }

    public static String render(List<RunSummary> runs, ZoneId zone) {
        if (runs.isEmpty()) {
            return "No runs stored yet." + System.lineSeparator();
        }
        TextTable table = new TextTable(List.of("Id", "Date", "Scenario", "Host", "Status", "Users", "Requests",
                "Failures", "p95 ms", "Thresholds"), "lllllrrrrl");
        for (RunSummary r : runs) {
            table.row(List.of(String.valueOf(r.id()), Numbers.date(r.startedEpochMillis(), zone), r.scenario(), r.host(),
                    r.status().column(), String.valueOf(r.users()), Numbers.count(r.requests()),
                    Numbers.percent(r.failurePercent()), Numbers.ms(r.p95Millis()), r.thresholds().column()));
        }
        return table.render();
    }
}
