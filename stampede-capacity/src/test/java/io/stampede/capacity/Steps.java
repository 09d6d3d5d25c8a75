package io.stampede.capacity;

import io.stampede.core.threshold.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Made-up systems for the planner's tests: a function from load to what a step would measure, and a
 * loop that lets the planner search it as the real search would, without a server or a clock.
 */
final class Steps {
    private Steps() {
    }

    /** What a system answers at one load. */
    record Answer(double rps, double avgMillis, double p95Millis, double failRatio, double timeoutRatio,
                  String error) {
        static Answer ok(double rps, double millis) {
            return new Answer(rps, millis, millis, 0, 0, null);
        }
    }

    /** A step measured over 10 s, its SLOs judged on the answer's figures (times, fail ratio). */
    static StepResult step(StepKind kind, double load, Answer a, List<Threshold> slos) {
        long requests = Math.round(a.rps() * 10);
        long failures = Math.round(requests * a.failRatio());
        long timeouts = Math.round(requests * a.timeoutRatio());
        List<SloCheck> checks = new ArrayList<>();
        for (Threshold t : slos) {
            double actual = switch (t.metric()) {
                case "avg" -> a.avgMillis();
                case "p95" -> a.p95Millis();
                case "fail_ratio" -> requests == 0 ? 0 : (double) failures / requests;
                default -> throw new IllegalArgumentException("made-up steps know no " + t.metric());
            };
            boolean passed = switch (t.op()) {
                case "<" -> actual < t.limit();
                case "<=" -> actual <= t.limit();
                default -> throw new IllegalArgumentException("made-up steps know no " + t.op());
            };
            checks.add(new SloCheck(t.expression(), actual, Double.toString(actual), passed));
        }
        return new StepResult(kind, load, 10, requests, failures, requests == 0 ? 0 : (double) failures / requests,
                a.avgMillis(), a.avgMillis(), a.p95Millis(), a.p95Millis(), a.rps(), timeouts,
                failures == 0 ? null : a.error(), checks);
    }

    /** The planner searching {@code system}; returns every step it ran and why it stopped. */
    static Searched search(SearchSettings settings, DoubleFunction<Answer> system) {
        SearchPlanner planner = new SearchPlanner(settings);
        List<StepResult> steps = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Decision d = planner.next(steps);
            if (d instanceof Decision.Finish f) {
                return new Searched(steps, f.reason());
            }
            Decision.Measure m = (Decision.Measure) d;
            steps.add(step(m.kind(), m.load(), system.apply(m.load()), settings.slos()));
        }
        throw new AssertionError("the planner did not finish in 100 steps: " + steps);
    }

    record Searched(List<StepResult> steps, String reason) {
        List<Double> loads() {
            return steps.stream().map(StepResult::load).toList();
        }
    }
}
