package io.stampede.report;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.CheckStats;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.ErrorStats;
import io.stampede.core.stats.ExceptionStats;
import io.stampede.core.stats.Percentiles;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.threshold.ThresholdResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console, like Locust's headless one: a compact table every few seconds, and at the end the
 * request table, the percentile table, failures, exceptions, checks, thresholds and, for a step
 * load, the capacity table with its knee.
 */
public final class ConsoleOutput implements Output {
    private final PrintStream out;
    private final long intervalMillis;
    private final boolean onlySummary;
    private long lastPrintMillis;
    private RunInfo info;

    /**
     * @param interval how often the live table prints
     * @param onlySummary print nothing until the end
     */
    public ConsoleOutput(PrintStream out, Duration interval, boolean onlySummary) {
        this.out = out;
        this.intervalMillis = interval.toMillis();
        this.onlySummary = onlySummary;
    }

    @Override
    public void start(RunInfo runInfo) {
        this.info = runInfo;
        lastPrintMillis = runInfo.startEpochMillis();
        out.println("Stampede: " + runInfo.plan() + " against " + runInfo.host() + " (" + String.join(", ", runInfo.userClasses()) + ")");
        out.flush();
    }

    @Override
    public void onSnapshot(StatsSnapshot s) {
        if (onlySummary || s.epochMillis() - lastPrintMillis < intervalMillis) {
            return;
        }
        lastPrintMillis = s.epochMillis();
        out.printf(Locale.ROOT, "%n[%s] %d users%n", elapsed(s), s.users());
        out.print(requestTable(s, true));
        out.flush();
    }

    private String elapsed(StatsSnapshot s) {
        long from = info == null ? s.startEpochMillis() : info.startEpochMillis();
        long secs = Math.max(0, (s.epochMillis() - from) / 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60);
    }

    /** The request table; {@code current} shows the recent req/s (live) instead of the whole run's. */
    static String requestTable(StatsSnapshot s, boolean current) {
        Table t = new Table(List.of("Type", "Name", "# reqs", "# fails", "Avg", "Min", "Max", "Med", "req/s", "failures/s"), 2);
        List<EntryStats> rows = Rows.withTotal(s);
        for (int i = 0; i < rows.size(); i++) {
            EntryStats e = rows.get(i);
            if (i == rows.size() - 1) {
                t.rule();
            }
            double rps = current ? s.currentRps(e.key()) : s.rps(e);
            double fps = current ? s.currentFailuresPerSecond(e.key()) : s.failuresPerSecond(e);
            t.row(List.of(Rows.type(e), e.name(), Long.toString(e.count()),
                    e.failures() + "(" + Fmt.pct(e.failRatio()) + ")", Fmt.ms(e.averageMillis()), Fmt.ms(e.minMillis()),
                    Fmt.ms(e.maxMillis()), Fmt.ms(e.medianMillis()), Fmt.rate(rps), Fmt.rate(fps)));
        }
        return t.render();
    }

    static String percentileTable(StatsSnapshot s) {
        List<String> header = new ArrayList<>(List.of("Type", "Name"));
        Percentiles.REPORTED.forEach(p -> header.add(Percentiles.label(p)));
        header.add("# reqs");
        Table t = new Table(header, 2);
        List<EntryStats> rows = Rows.withTotal(s);
        for (int i = 0; i < rows.size(); i++) {
            EntryStats e = rows.get(i);
            if (i == rows.size() - 1) {
                t.rule();
            }
            List<String> cells = new ArrayList<>(List.of(Rows.type(e), e.name()));
            Percentiles.REPORTED.forEach(p -> cells.add(e.count() == 0 ? "N/A" : Fmt.ms(e.percentileMillis(p))));
            cells.add(Long.toString(e.count()));
            t.row(cells);
        }
        return t.render();
    }

    @Override
    public void finish(RunResult result) {
        StatsSnapshot s = result.stats();
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder(nl);
        b.append(String.format(Locale.ROOT, "Run ended (%s) after %s, %d users%n", result.stopReason(), elapsed(s), s.users()));
        b.append(requestTable(s, false)).append(nl);
        b.append("Response time percentiles (ms)").append(nl).append(percentileTable(s));
        if (!s.errors().isEmpty()) {
            Table t = new Table(List.of("# occurrences", "Error"), 2);
            for (ErrorStats e : s.errors()) {
                t.row(List.of(Long.toString(e.occurrences()), e.method() + " " + e.name() + ": " + e.error()));
            }
            b.append(nl).append("Error report").append(nl).append(t.render());
        }
        if (!s.exceptions().isEmpty()) {
            Table t = new Table(List.of("# count", "Exception (first stack line)"), 2);
            for (ExceptionStats e : s.exceptions()) {
                t.row(List.of(Long.toString(e.count()), e.message() + firstFrame(e.traceback())));
            }
            b.append(nl).append("Exceptions in scenario code (full traces in the CSV/JSON)").append(nl).append(t.render());
        }
        if (!s.checks().isEmpty()) {
            Table t = new Table(List.of("Check", "Passes", "Fails", "Pass rate"), 1);
            for (CheckStats c : s.checks()) {
                t.row(List.of(c.name(), Long.toString(c.passes()), Long.toString(c.fails()), Fmt.pct(c.passRate())));
            }
            b.append(nl).append("Checks").append(nl).append(t.render());
        }
        if (!result.phases().isEmpty()) {
            b.append(nl).append("Per step").append(nl).append(CapacityTable.render(result.phases()));
        }
        arrival(b, result);
        if (!result.thresholds().isEmpty()) {
            Table t = new Table(List.of("Threshold", "Actual", "Result"), 1);
            for (ThresholdResult r : result.thresholds()) {
                t.row(List.of(r.threshold().expression(), r.actualText(), r.passed() ? "pass" : "FAIL"));
            }
            b.append(nl).append("Thresholds").append(nl).append(t.render());
        }
        out.print(b);
        out.flush();
    }

    private static void arrival(StringBuilder b, RunResult result) {
        ArrivalStats a = result.arrival();
        if (a == null) {
            return;
        }
        String nl = System.lineSeparator();
        b.append(nl).append(String.format(Locale.ROOT,
                "Arrival rate: %d iterations scheduled, %d started, %d dropped; %d of at most %d users in the pool%n",
                a.scheduled(), a.started(), a.dropped(), a.users(), a.maxUsers()));
        StatsSnapshot raw = result.uncorrected();
        if (raw != null && raw.total().count() > 0) {
            EntryStats c = result.stats().total();
            EntryStats u = raw.total();
            b.append(String.format(Locale.ROOT,
                    "Latency from intended start (corrected): p50 %s ms, p99 %s ms; from actual send (uncorrected): p50 %s ms, p99 %s ms%n",
                    Fmt.ms(c.medianMillis()), Fmt.ms(c.percentileMillis(99)), Fmt.ms(u.medianMillis()), Fmt.ms(u.percentileMillis(99))));
        }
    }

    private static String firstFrame(String traceback) {
        for (String line : traceback.split("\\R")) {
            String t = line.trim();
            if (t.startsWith("at ")) {
                return " (" + t + ")";
            }
        }
        return "";
    }
}
