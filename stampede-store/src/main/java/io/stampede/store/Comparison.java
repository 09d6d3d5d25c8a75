package io.stampede.store;

import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsKey;
import io.stampede.core.stats.StatsSnapshot;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Two stored runs side by side, per request name and for all requests: p50, p95, p99, requests per
 * second and failure rate, and whether B regressed against A. A name regressed when B is worse than A
 * beyond the tolerance <em>and</em> a significance test on the two runs' samples says the difference
 * is not chance, at p &lt; {@value #SIGNIFICANCE} (one-sided): Mann-Whitney U over the response-time
 * histograms for latency ({@link MannWhitney}), a two-proportion z-test for failures
 * ({@link TwoProportions}). Without the test every noisy rerun would fail a build; without the
 * tolerance a huge run would flag differences nobody cares about. Requests per second are shown but
 * never judged: the load plan sets them, or the latency does (already judged).
 */
public final class Comparison {
    /** The significance level of both tests. */
    public static final double SIGNIFICANCE = 0.01;
    /** What the CLI should use without --tolerance: 10 % worse. */
    public static final double DEFAULT_TOLERANCE = 0.10;

    private static final double[] PERCENTILES = {50, 95, 99};

    private final StoredRun a;
    private final StoredRun b;
    private final double tolerance;
    private final List<ComparisonRow> rows;

    private Comparison(StoredRun a, StoredRun b, double tolerance, List<ComparisonRow> rows) {
        this.a = a;
        this.b = b;
        this.tolerance = tolerance;
        this.rows = List.copyOf(rows);
    }

    /**
     * @param a the baseline run
     * @param b the run judged against it
     * @param tolerance how much worse B may be before it counts, as a fraction: 0.10 for 10 %
     */
    public static Comparison of(StoredRun a, StoredRun b, double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("the tolerance must be 0 or more, not " + tolerance);
        }
        TreeSet<StatsKey> keys = new TreeSet<>();
        a.entries().forEach(e -> keys.add(e.key()));
        b.entries().forEach(e -> keys.add(e.key()));
        List<ComparisonRow> rows = new ArrayList<>();
        for (StatsKey key : keys) {
            rows.add(row(key, a, b, tolerance));
        }
        rows.add(row(StatsSnapshot.AGGREGATED, a, b, tolerance));
        return new Comparison(a, b, tolerance, rows);
    }

    private static ComparisonRow row(StatsKey key, StoredRun runA, StoredRun runB, double tolerance) {
        EntryStats a = runA.entry(key);
        EntryStats b = runB.entry(key);
        double rpsA = a == null ? 0 : runA.rps(a);
        double rpsB = b == null ? 0 : runB.rps(b);
        if (a == null || b == null || a.count() == 0 || b.count() == 0) {
            return new ComparisonRow(key, a, b, rpsA, rpsB, 1, 1, false, false);
        }
        boolean slower = false;
        for (double p : PERCENTILES) {
            slower |= b.percentileMillis(p) > a.percentileMillis(p) * (1 + tolerance);
        }
        boolean failsMore = b.failRatio() > a.failRatio() * (1 + tolerance) && b.failRatio() > a.failRatio();
        // The tests run only where they can change the verdict: a rank pass costs a walk over the buckets.
        double latencyP = slower ? MannWhitney.pLarger(a.histogramMicros(), b.histogramMicros()) : 1;
        double failureP = failsMore ? TwoProportions.pLarger(a.failures(), a.count(), b.failures(), b.count()) : 1;
        return new ComparisonRow(key, a, b, rpsA, rpsB, latencyP, failureP, slower, failsMore);
    }

    public StoredRun a() {
        return a;
    }

    public StoredRun b() {
        return b;
    }

    public double tolerance() {
        return tolerance;
    }

    /** Per name, sorted by name then method, then the Aggregated row last. */
    public List<ComparisonRow> rows() {
        return rows;
    }

    /** Whether any name, or the total, regressed: what --fail-on-regression exits 6 on. */
    public boolean regressed() {
        return rows.stream().anyMatch(ComparisonRow::regressed);
    }

    /** The console table, dates in this machine's time zone. */
    public String render() {
        return render(ZoneId.systemDefault());
    }

    public String render(ZoneId zone) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        out.append("A: ").append(describe(a, zone)).append(nl);
        out.append("B: ").append(describe(b, zone)).append(nl);
        out.append(String.format(Locale.ROOT, "B regressed where it is more than %s worse and significantly so"
                + " (one-sided p < %s: Mann-Whitney U on latency, two-proportion z-test on failures)",
                percentText(tolerance), SIGNIFICANCE)).append(nl).append(nl);
        TextTable table = new TextTable(List.of("Name", "Requests", "p50 ms", "p95 ms", "p99 ms", "req/s", "Failures",
                "p latency", "p failures", "Verdict"), "lrrrrrrrrl");
        for (ComparisonRow r : rows) {
            table.row(List.of(r.label(), counts(r), percentile(r, 50), percentile(r, 95), percentile(r, 99),
                    rps(r), failures(r),
                    r.latencyWorse() ? Numbers.p(r.latencyP()) : "", r.failuresWorse() ? Numbers.p(r.failureP()) : "",
                    verdict(r)));
        }
        out.append(table.render()).append(nl);
        long regressed = rows.stream().filter(ComparisonRow::regressed).count();
        out.append(regressed == 0 ? "No regression." : "Regression: " + regressed + " of " + rows.size()
                + " rows worse beyond the tolerance and significant.").append(nl);
        return out.toString();
    }

    private static String describe(StoredRun run, ZoneId zone) {
        RunSummary s = run.summary();
        return "run " + s.id() + ", " + Numbers.date(s.startedEpochMillis(), zone) + ", " + s.scenario() + " on "
                + s.host() + ", " + s.status().column() + ", " + Numbers.count(s.requests()) + " requests";
    }

    private static String counts(ComparisonRow r) {
        return (r.a() == null ? "-" : Numbers.count(r.a().count())) + " -> "
                + (r.b() == null ? "-" : Numbers.count(r.b().count()));
    }

    private static String percentile(ComparisonRow r, double p) {
        if (!r.inBoth()) {
            EntryStats only = r.a() != null ? r.a() : r.b();
            return Numbers.ms(only.percentileMillis(p));
        }
        return Numbers.ms(r.a().percentileMillis(p)) + " -> " + Numbers.ms(r.b().percentileMillis(p)) + " ("
                + Numbers.change(r.a().percentileMillis(p), r.b().percentileMillis(p)) + ")";
    }

    private static String rps(ComparisonRow r) {
        if (!r.inBoth()) {
            return Numbers.rate(r.a() != null ? r.rpsA() : r.rpsB());
        }
        return Numbers.rate(r.rpsA()) + " -> " + Numbers.rate(r.rpsB()) + " (" + Numbers.change(r.rpsA(), r.rpsB()) + ")";
    }

    private static String failures(ComparisonRow r) {
        String before = r.a() == null ? "-" : Numbers.percent(r.a().failRatio() * 100);
        String after = r.b() == null ? "-" : Numbers.percent(r.b().failRatio() * 100);
        return before + " -> " + after;
    }

    private static String verdict(ComparisonRow r) {
        if (r.a() == null) {
            return "only in B";
        }
        if (r.b() == null) {
            return "only in A";
        }
        if (r.regressed()) {
            List<String> why = new ArrayList<>();
            if (r.latencyRegressed()) {
                why.add("slower");
            }
            if (r.failuresRegressed()) {
                why.add("more failures");
            }
            return "REGRESSED (" + String.join(", ", why) + ")";
        }
        if (r.latencyWorse() || r.failuresWorse()) {
            return "worse, not significant";
        }
        return "ok";
    }

    private static String percentText(double fraction) {
        return Numbers.percent(fraction * 100).replace(".00%", "%");
    }
}
