package io.stampede.report;

import io.stampede.core.output.RunResult;
import io.stampede.core.stats.EntryStats;
import java.util.List;
import java.util.Locale;

/**
 * The per-step table of a step load (users, requests, failures, average time, req/s) and where the
 * knee is: the first step where more users stopped buying more throughput and only added waiting.
 * Public only for {@link #kneeIndex}, so that other reports mark the same knee as this table.
 */
public final class CapacityTable {
    /** A step is past the knee when its req/s grew by less than this while users grew. */
    static final double FLAT = 0.10;

    private CapacityTable() {
    }

    static String render(List<RunResult.Phase> phases) {
        Table t = new Table(List.of("Step", "Users", "Requests", "Failures", "Fail %", "Avg ms", "p95 ms", "req/s"), 1);
        for (RunResult.Phase p : phases) {
            EntryStats e = p.stats().total();
            t.row(List.of(p.name(), Integer.toString(p.users()), Long.toString(e.count()), Long.toString(e.failures()),
                    Fmt.pct(e.failRatio()), Fmt.ms(e.averageMillis()), Fmt.ms(e.percentileMillis(95)),
                    Fmt.rate(p.stats().rps(e))));
        }
        String knee = knee(phases);
        return t.render() + (knee == null ? "" : knee + System.lineSeparator());
    }

    /**
     * The knee's step: the last one whose added users still bought throughput, followed by a step
     * with more users whose req/s grew by less than {@link #FLAT}; -1 when throughput kept growing.
     */
    public static int kneeIndex(List<RunResult.Phase> phases) {
        for (int i = 1; i < phases.size(); i++) {
            RunResult.Phase prev = phases.get(i - 1);
            RunResult.Phase cur = phases.get(i);
            double before = prev.stats().rps(prev.stats().total());
            double now = cur.stats().rps(cur.stats().total());
            if (cur.users() > prev.users() && before > 0 && now < before * (1 + FLAT)) {
                return i - 1;
            }
        }
        return -1;
    }

    /** One sentence about the knee, or null when throughput kept growing with users. */
    static String knee(List<RunResult.Phase> phases) {
        int k = kneeIndex(phases);
        if (k < 0) {
            return null;
        }
        RunResult.Phase prev = phases.get(k);
        RunResult.Phase cur = phases.get(k + 1);
        double before = prev.stats().rps(prev.stats().total());
        double now = cur.stats().rps(cur.stats().total());
        return String.format(Locale.ROOT,
                "Knee: throughput stopped growing at about %d users (%.1f req/s); at %d users it was %.1f req/s "
                        + "while the average time went from %s ms to %s ms.",
                prev.users(), before, cur.users(), now, Fmt.ms(prev.stats().total().averageMillis()),
                Fmt.ms(cur.stats().total().averageMillis()));
    }
}
