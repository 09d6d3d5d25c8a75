package io.stampede.report;

import io.stampede.core.capacity.Knee;
import io.stampede.core.capacity.LoadLevel;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.EntryStats;
import java.util.List;
import java.util.Locale;

/**
 * The per-step table of a step load (users, requests, failures, average time, req/s) and where the
 * knee is: the first step where more users stopped buying more throughput and only added waiting
 * (the rule is {@link Knee}'s, shared with the capacity search). Public only for {@link #kneeIndex},
 * so that other reports mark the same knee as this table.
 */
public final class CapacityTable {
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

    /** The knee's step (the last whose added users still bought throughput); -1 when throughput kept growing. */
    public static int kneeIndex(List<RunResult.Phase> phases) {
        for (int i = 1; i < phases.size(); i++) {
            if (phases.get(i).users() > phases.get(i - 1).users() && Knee.flat(level(phases.get(i - 1)), level(phases.get(i)))) {
                return i - 1;
            }
        }
        return -1;
    }

    /** One sentence about the knee, or null when throughput kept growing with users. */
    static String knee(List<RunResult.Phase> phases) {
        Knee k = Knee.find(phases.stream().map(CapacityTable::level).toList());
        if (k == null) {
            return null;
        }
        return String.format(Locale.ROOT,
                "Knee: throughput stopped growing at about %d users (%.1f req/s); at %d users it was %.1f req/s "
                        + "while the average time went from %s ms to %s ms.",
                (int) k.before().load(), k.before().rps(), (int) k.after().load(), k.after().rps(),
                Fmt.ms(k.before().avgMillis()), Fmt.ms(k.after().avgMillis()));
    }

    private static LoadLevel level(RunResult.Phase p) {
        EntryStats e = p.stats().total();
        return new LoadLevel(p.users(), p.stats().rps(e), e.averageMillis(), e.percentileMillis(95));
    }
}
