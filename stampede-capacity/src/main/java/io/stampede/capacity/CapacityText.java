package io.stampede.capacity;

import io.stampede.core.capacity.Knee;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A {@link CapacityReport} for the console: the per-step table, then one line per finding. */
final class CapacityText {
    private CapacityText() {
    }

    static String render(CapacityReport r) {
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder();
        String down = r.model().equals("open") ? "before a step down, arrivals pause until the backlog has drained"
                : "a step down also waits out the previous step's p99";
        b.append(String.format(Locale.ROOT, "Capacity search (%s model): %s steps of %ss; the first %d%% (%ss) of each "
                        + "step is warm-up, not measured (%s)", r.model(), r.unit(), num(r.stepSeconds()),
                Math.round(r.warmupFraction() * 100), num(r.stepSeconds() * r.warmupFraction()), down)).append(nl);
        b.append(table(r));
        b.append("Capacity: ").append(r.highestGood() == null ? "no load was good"
                : load(r, r.highestGood()) + " (the highest load that met every SLO with throughput still growing)");
        if (r.lowestBad() != null) {
            String why = r.steps().stream().filter(s -> s.step().load() == r.lowestBad()).findFirst()
                    .map(s -> s.verdict().label()).orElse("bad");
            b.append("; the lowest bad load: ").append(load(r, r.lowestBad())).append(" (").append(why).append(')');
        }
        b.append(nl);
        if (!r.slos().isEmpty()) {
            b.append("Every SLO met up to: ").append(r.highestSloMet() == null ? "no load" : load(r, r.highestSloMet()))
                    .append(nl);
        }
        if (r.plateau() != null) {
            b.append(String.format(Locale.ROOT, "Throughput plateau: %.1f req/s at most, at %s", r.plateau().maxRps(),
                    load(r, r.plateau().load()))).append(nl);
        }
        Knee k = r.knee();
        b.append(k == null ? "Knee: none, throughput grew at every step explored"
                : String.format(Locale.ROOT, "Knee: throughput stopped growing at about %s (%.1f req/s); at %s it was "
                        + "%.1f req/s while the average time went from %.0f ms to %.0f ms", load(r, k.before().load()),
                k.before().rps(), load(r, k.after().load()), k.after().rps(), k.before().avgMillis(),
                k.after().avgMillis())).append(nl);
        b.append("First symptom: ").append(r.symptom() == null ? none(r)
                : r.symptom().kind().label() + ", " + r.symptom().detail()).append(nl);
        b.append("Stopped: ").append(r.stopReason()).append(nl);
        b.append("The run sent ").append(r.runRequests()).append(" requests, warm-ups included; ").append(r.runFailures())
                .append(" failed").append(nl);
        return b.toString();
    }

    private static String table(CapacityReport r) {
        List<String> header = new ArrayList<>(List.of("#", "Phase", r.model().equals("open") ? "Rate/s" : "Users",
                "Requests", "Failures", "Fail %", "Avg ms", "p50 ms", "p95 ms", "p99 ms", "req/s"));
        header.addAll(r.slos());
        header.add("Verdict");
        TextTable t = new TextTable(header, Set.of(1, header.size() - 1));
        for (JudgedStep j : r.steps()) {
            StepResult s = j.step();
            List<String> row = new ArrayList<>(List.of(Integer.toString(j.number()), s.kind().label(), num(s.load()),
                    Long.toString(s.requests()), Long.toString(s.failures()),
                    String.format(Locale.ROOT, "%.2f%%", s.failRatio() * 100), ms(s.avgMillis()), ms(s.p50Millis()),
                    ms(s.p95Millis()), ms(s.p99Millis()), String.format(Locale.ROOT, "%.2f", s.rps())));
            s.slos().forEach(c -> row.add(c.passed() ? "pass" : "FAIL"));
            row.add(j.verdict().label());
            t.row(row);
        }
        return t.render();
    }

    private static String none(CapacityReport r) {
        if (r.knee() != null) {
            return "none, yet throughput went flat: nothing waited longer and nothing failed, so look at the load "
                    + "generator (its CPU, its connections)";
        }
        return "none within the loads run";
    }

    private static String load(CapacityReport r, double load) {
        return num(load) + (r.model().equals("open") ? "/s" : " users");
    }

    /** "20", "12.5": whole loads without decimals. */
    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Times as the step-load table shows them: "412", "41.2", "4.12". */
    private static String ms(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }
}
