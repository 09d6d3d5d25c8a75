package io.stampede.report;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.ErrorStats;
import io.stampede.core.stats.ExceptionStats;
import io.stampede.core.stats.Percentiles;
import io.stampede.core.stats.StatsSnapshot;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Locust's four CSV files with Locust's exact headers, so existing spreadsheets read them unchanged.
 * Unlike Locust, percentiles are not rounded to two significant digits, and the files are complete
 * at exit: the history is appended and flushed each second, and the final rows and the other three
 * files are written after the last request has been recorded.
 */
public final class CsvOutput implements Output {
    static final List<String> STATS_HEADER = header(List.of("Type", "Name", "Request Count", "Failure Count",
            "Median Response Time", "Average Response Time", "Min Response Time", "Max Response Time",
            "Average Content Size", "Requests/s", "Failures/s"), List.of());
    static final List<String> HISTORY_HEADER = header(List.of("Timestamp", "User Count", "Type", "Name", "Requests/s",
            "Failures/s"), List.of("Total Request Count", "Total Failure Count", "Total Median Response Time",
            "Total Average Response Time", "Total Min Response Time", "Total Max Response Time", "Total Average Content Size"));
    static final List<String> FAILURES_HEADER = List.of("Method", "Name", "Error", "Occurrences", "First Seen", "Last Seen");
    static final List<String> EXCEPTIONS_HEADER = List.of("Count", "Message", "Traceback", "Nodes");

    private final Path prefix;
    private final boolean fullHistory;
    private Writer history;

    public CsvOutput(Path prefix, boolean fullHistory) {
        this.prefix = prefix;
        this.fullHistory = fullHistory;
    }

    private static List<String> header(List<String> before, List<String> after) {
        List<String> h = new ArrayList<>(before);
        Percentiles.REPORTED.forEach(p -> h.add(Percentiles.label(p)));
        h.addAll(after);
        return List.copyOf(h);
    }

    public Path file(String suffix) {
        return prefix.resolveSibling(prefix.getFileName() + suffix);
    }

    @Override
    public void start(RunInfo info) {
        try {
            history = Files.newBufferedWriter(file("_stats_history.csv"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            history.write(Csv.row(HISTORY_HEADER));
            history.flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file("_stats_history.csv") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onSnapshot(StatsSnapshot s) {
        try {
            appendHistory(s);
        } catch (IOException e) {
            // a full disk must not stop the load; the final files will report the problem
        }
    }

    private void appendHistory(StatsSnapshot s) throws IOException {
        if (history == null) {
            return;
        }
        long ts = s.epochMillis() / 1000;
        if (fullHistory) {
            for (EntryStats e : s.entries()) {
                history.write(Csv.row(historyRow(ts, s, e)));
            }
        }
        history.write(Csv.row(historyRow(ts, s, s.total())));
        history.flush();
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

    @Override
    public void finish(RunResult result) throws IOException {
        StatsSnapshot s = result.stats();
        appendHistory(s);
        if (history != null) {
            history.close();
        }
        List<String> stats = new ArrayList<>();
        stats.add(Csv.row(STATS_HEADER));
        for (EntryStats e : Rows.withTotal(s)) {
            stats.add(Csv.row(statsRow(s, e)));
        }
        writeAtomically(file("_stats.csv"), stats);
        List<String> failures = new ArrayList<>();
        failures.add(Csv.row(FAILURES_HEADER));
        for (ErrorStats e : s.errors()) {
            failures.add(Csv.row(List.of(e.method(), e.name(), e.error(), Long.toString(e.occurrences()),
                    Instant.ofEpochMilli(e.firstEpochMillis()).toString(), Instant.ofEpochMilli(e.lastEpochMillis()).toString())));
        }
        writeAtomically(file("_failures.csv"), failures);
        List<String> exceptions = new ArrayList<>();
        exceptions.add(Csv.row(EXCEPTIONS_HEADER));
        for (ExceptionStats e : s.exceptions()) {
            exceptions.add(Csv.row(List.of(Long.toString(e.count()), e.message(), e.traceback(), String.join(", ", e.nodes()))));
        }
        writeAtomically(file("_exceptions.csv"), exceptions);
    }

    static List<String> statsRow(StatsSnapshot s, EntryStats e) {
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

    private static void writeAtomically(Path file, List<String> rows) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, String.join("", rows), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
