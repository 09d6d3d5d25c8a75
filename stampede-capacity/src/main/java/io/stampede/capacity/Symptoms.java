package io.stampede.capacity;

import io.stampede.core.threshold.Threshold;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the first symptom: going up the measured loads, the first step that shows one of these, in
 * this order within a step:
 * <ul>
 *   <li>failures, at least {@link #ERROR_RATIO} of its requests: timeouts when they are at least half
 *       of them, else errors;</li>
 *   <li>queueing: a broken latency SLO, or a response time {@link #LATENCY_GROWTH} above the
 *       baseline's (the highest good step so far, else the lowest step), while throughput went flat
 *       (past the knee, or {@link #lagged} behind the load);</li>
 *   <li>latency: a broken latency SLO while throughput still kept up.</li>
 * </ul>
 * Past the knee without any of them, nothing is named: throughput went flat without the server
 * making anyone wait, which points at the load generator (its CPU, its connections).
 */
final class Symptoms {
    /** Below this, failures are the background noise of most systems rather than a limit showing. */
    static final double ERROR_RATIO = 0.01;
    /** Throughput growing less than this fraction as fast as the load is flattening. */
    static final double ELASTICITY = 0.5;
    /** A response time this much longer than before is waiting, not measurement noise. */
    static final double LATENCY_GROWTH = 0.25;

    private Symptoms() {
    }

    static Symptom first(Verdict v, LoadModel model) {
        List<StepResult> byLoad = v.steps().stream().sorted(Comparator.comparingDouble(StepResult::load)).toList();
        // the baseline to compare with: the highest good step so far, else the lowest step of all
        StepResult base = byLoad.isEmpty() ? null : byLoad.get(0);
        for (StepResult s : byLoad) {
            Symptom found = of(s, base, v, model);
            if (found != null) {
                return found;
            }
            if (v.of(s) == StepVerdict.GOOD) {
                base = s;
            }
        }
        return null;
    }

    private static Symptom of(StepResult s, StepResult base, Verdict v, LoadModel model) {
        String at = "at " + model.format(s.load()) + ", ";
        if (s.requests() > 0 && s.failRatio() >= ERROR_RATIO) {
            boolean timeouts = s.timeouts() * 2 >= s.failures();
            return new Symptom(timeouts ? SymptomKind.TIMEOUTS : SymptomKind.ERRORS, s.load(),
                    at + pct(s.failRatio()) + " of requests failed, most often: " + s.topError());
        }
        SloCheck slow = s.slos().stream().filter(c -> !c.passed() && Threshold.parse(c.slo()).isTime()).findFirst()
                .orElse(null);
        if (s != base && (slow != null || s.avgMillis() > base.avgMillis() * (1 + LATENCY_GROWTH))
                && (v.of(s) == StepVerdict.PAST_KNEE || lagged(base, s))) {
            return new Symptom(SymptomKind.QUEUEING, s.load(), String.format(Locale.ROOT,
                    "%sthroughput was %.1f req/s (%.1f at %s) while the average time went from %.0f ms to %.0f ms",
                    at, s.rps(), base.rps(), model.format(base.load()), base.avgMillis(), s.avgMillis()));
        }
        if (slow != null) {
            return new Symptom(SymptomKind.LATENCY, s.load(), at + slow.slo() + " broke (was " + slow.actualText()
                    + ") while throughput still grew");
        }
        return null;
    }

    /**
     * Whether throughput grew less than half as fast as the load from {@code good} to {@code s}: it
     * is flattening. Relative to the load's growth, unlike the knee's fixed ten percent, so that it
     * holds between the close loads of the narrowing too.
     */
    static boolean lagged(StepResult good, StepResult s) {
        double loadGrowth = s.load() / good.load() - 1;
        double rpsGrowth = good.rps() > 0 ? s.rps() / good.rps() - 1 : 0;
        return loadGrowth > 0 && rpsGrowth < loadGrowth * ELASTICITY;
    }

    private static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.2f%%", ratio * 100);
    }
}
