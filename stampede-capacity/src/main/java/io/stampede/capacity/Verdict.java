package io.stampede.capacity;

import io.stampede.core.capacity.Knee;
import java.util.List;

/**
 * The judgement of a search so far, recomputed from all its steps: where the knee is, which steps
 * are bad, and the interval the limit lies in. Pure, so the planner and the report agree.
 *
 * <p>The knee is looked for where the step-load table looks: between consecutive exploration steps
 * (both sides of a factor of load apart, where the rule is sound). Once found, a step is past the
 * knee when it is at or above the knee's load, or when the knee's step did not buy
 * {@link Knee#FLAT} more throughput than it did: it was already on the plateau. Comparing narrowing
 * steps with each other instead would flag a healthy system, as two close loads cannot differ by
 * ten percent.
 */
final class Verdict {
    private final List<StepResult> steps;
    private final Knee knee;
    private final StepResult kneeStep;
    private final StepResult firstBad;
    private final StepResult lastGood;

    private Verdict(List<StepResult> steps) {
        this.steps = List.copyOf(steps);
        List<StepResult> explored = steps.stream().filter(s -> s.kind() == StepKind.EXPLORE).toList();
        Knee k = null;
        StepResult at = null;
        for (int i = 1; i < explored.size() && k == null; i++) {
            if (Knee.flat(explored.get(i - 1).level(), explored.get(i).level())) {
                k = new Knee(explored.get(i - 1).level(), explored.get(i).level());
                at = explored.get(i);
            }
        }
        this.knee = k;
        this.kneeStep = at;
        StepResult bad = null;
        for (StepResult s : steps) {
            if (of(s) != StepVerdict.GOOD && (bad == null || s.load() < bad.load())) {
                bad = s;
            }
        }
        this.firstBad = bad;
        StepResult good = null;
        for (StepResult s : steps) {
            if (of(s) == StepVerdict.GOOD && (bad == null || s.load() < bad.load())
                    && (good == null || s.load() > good.load())) {
                good = s;
            }
        }
        this.lastGood = good;
    }

    static Verdict of(List<StepResult> steps) {
        return new Verdict(steps);
    }

    /** A broken SLO first: it is what the people asking care about. */
    StepVerdict of(StepResult s) {
        if (!s.slosMet()) {
            return StepVerdict.SLO_BROKEN;
        }
        if (kneeStep != null && (s.load() >= kneeStep.load() || Knee.flat(s.level(), kneeStep.level()))) {
            return StepVerdict.PAST_KNEE;
        }
        return StepVerdict.GOOD;
    }

    List<StepResult> steps() {
        return steps;
    }

    /** The first pair of exploration steps where throughput went flat, or null. */
    Knee knee() {
        return knee;
    }

    /** The lowest bad load measured, or null while every step is good. */
    StepResult firstBad() {
        return firstBad;
    }

    /** The highest good load below {@link #firstBad}, or null when none is. */
    StepResult lastGood() {
        return lastGood;
    }
}
