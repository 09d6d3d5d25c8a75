package io.stampede.report;

import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.ErrorStats;
import io.stampede.core.stats.ExceptionStats;
import io.stampede.core.stats.Percentiles;
import io.stampede.core.stats.StatsSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Locust's four CSV documents as text, with Locust's exact headers: what {@link CsvOutput} writes
 * to files and the web UI hands out as downloads, rendered by one piece of code so both agree.
 * Unlike Locust, percentiles are not rounded to two significant digits.
 */
public final class LocustCsv {
    static final List<String> STATS_HEADER = header(List.of("Type", "Name", "Request Count", "Failure Count",
            "Median Response Time", "Average Response Time", "Min Response Time", "Max Response Time",
            "Average Content Size", "Requests/s", "Failures/s"), List.of());
    static final List<String> HISTORY_HEADER = header(List.of("Timestamp", "User Count", "Type", "Name", "Requests/s",
            "Failures/s"), List.of("Total Request Count", "Total Failure Count", "Total Median Response Time",
            "Total Average Response Time", "Total Min Response Time", "Total Max Response Time", "Total Average Content Size"));
    static final List<String> FAILURES_HEADER = List.of("Method", "Name", "Error", "Occurrences", "First Seen", "Last Seen");
    static final List<String> EXCEPTIONS_HEADER = List.of("Count", "Message", "Traceback", "Nodes");

    private LocustCsv() {
    }

    private static List<String> header(List<String> before, List<String> after) {
        List<String> h = new ArrayList<>(before);
        Percentiles.REPORTED.forEach(p -> h.add(Percentiles.label(p)));
        h.addAll(after);
        return List.copyOf(h);
    }

    /** The stats document ({@code _stats.csv}): a row per (method, name), then Aggregated. */
    public static String stats(StatsSnapshot s) {
        StringBuilder b = new StringBuilder(Csv.row(STATS_HEADER));
        for (EntryStats e : Rows.withTotal(s)) {
            b.append(Csv.row(statsRow(s, e)));
        }
        return b.toString();
    }

    /** The failures document ({@code _failures.csv}): a row per (method, name, error). */
    public static String failures(StatsSnapshot s) {
        StringBuilder b = new StringBuilder(Csv.row(FAILURES_HEADER));
        for (ErrorStats e : s.errors()) {
            b.append(Csv.row(List.of(e.method(), e.name(), e.error(), Long.toString(e.occurrences()),
                    Instant.ofEpochMilli(e.firstEpochMillis()).toString(), Instant.ofEpochMilli(e.lastEpochMillis()).toString())));
        }
        return b.toString();
    }

    /** The exceptions document ({@code _exceptions.csv}): a row per message and stack trace. */
    public static String exceptions(StatsSnapshot s) {
        StringBuilder b = new StringBuilder(Csv.row(EXCEPTIONS_HEADER));
        for (ExceptionStats e : s.exceptions()) {
            b.append(Csv.row(List.of(Long.toString(e.count()), e.message(), e.traceback(), String.join(", ", e.nodes()))));
        }
        return b.toString();
    }

    /** The first line of the history document ({@code _stats_history.csv}). */
    public static String historyHeader() {
        return Csv.row(HISTORY_HEADER);
    }

    /**
     * The history lines of one snapshot: the Aggregated line, preceded by one per (method, name)
     * when {@code perName} (Locust's --csv-full-history).
     */
    public static String historyRows(StatsSnapshot s, boolean perName) {
        long ts = s.epochMillis() / 1000;
        StringBuilder b = new StringBuilder();
        if (perName) {
            for (EntryStats e : s.entries()) {
                b.append(Csv.row(historyRow(ts, s, e)));
            }
        }
        return b.append(Csv.row(historyRow(ts, s, s.total()))).toString();
    }

    private static List<String> historyRow(long ts, StatsSnapshot s, EntryStats total) {
        List<String> r = new ArrayList<>();
        r.add(Long.toString(ts));
        r.add(Integer.toString(s.users()));
        r.add(Rows.type(total));
        r.add(total.name());
        r.add(Fmt.num(s.currentRps(total.key()), 6));
        r.add(Fmt.num(s.currentFailuresPerSecond(total.key()), 6));
        EntryStats window = s.currentOf(total.key());
        for (double p : Percentiles.REPORTED) {
            r.add(window == null || window.count() == 0 ? "N/A" : Fmt.num(window.percentileMillis(p), 3));
        }
        r.add(Long.toString(total.count()));
        r.add(Long.toString(total.failures()));
        boolean none = total.count() == 0;
        r.add(none ? "N/A" : Fmt.num(total.medianMillis(), 3));
        r.add(Fmt.num(total.averageMillis(), 6));
        r.add(none ? "N/A" : Fmt.num(total.minMillis(), 3));
        r.add(none ? "N/A" : Fmt.num(total.maxMillis(), 3));
        r.add(Fmt.num(total.averageContentBytes(), 6));
        return r;
    }

    private static List<String> statsRow(StatsSnapshot s, EntryStats e) {
        boolean none = e.count() == 0;
        List<String> r = new ArrayList<>();
        r.add(Rows.type(e));
        r.add(e.name());
        r.add(Long.toString(e.count()));
        r.add(Long.toString(e.failures()));
        r.add(none ? "0" : Fmt.num(e.medianMillis(), 3));
        r.add(Fmt.num(e.averageMillis(), 6));
        r.add(none ? "0" : Fmt.num(e.minMillis(), 3));
        r.add(none ? "0" : Fmt.num(e.maxMillis(), 3));
        r.add(Fmt.num(e.averageContentBytes(), 6));
        r.add(Fmt.num(s.rps(e), 6));
        r.add(Fmt.num(s.failuresPerSecond(e), 6));
        for (double p : Percentiles.REPORTED) {
            r.add(none ? "N/A" : Fmt.num(e.percentileMillis(p), 3));
        }
        return r;
    }
}
