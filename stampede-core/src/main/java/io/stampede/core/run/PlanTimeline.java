package io.stampede.core.run;

import io.stampede.core.plan.ArrivalPlan;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.plan.LoadStep;
import io.stampede.core.plan.Plan;
import io.stampede.core.plan.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as the driver follows it: targets at offsets from the start (a step may open a phase whose
 * statistics are kept apart), an optional shape asked every interval, and the end.
 */
record PlanTimeline(List<Step> steps, LoadPlan.Shape shape, Duration duration) {
    PlanTimeline {
        steps = List.copyOf(steps);
    }

    /** A target due at {@code at}; {@code phase} non-null opens a phase of that name. */
    record Step(Duration at, LoadTarget target, String phase) {
    }

    static PlanTimeline of(Plan plan) {
        return switch (plan) {
            case LoadPlan p -> closed(p);
            case ArrivalPlan p -> open(p);
        };
    }

    private static PlanTimeline closed(LoadPlan p) {
        List<Step> steps = new ArrayList<>();
        for (LoadStep s : p.steps()) {
            steps.add(new Step(s.at(), users(s), s.phase()));
        }
        return new PlanTimeline(steps, p.shape(), p.duration());
    }

    static LoadTarget.Users users(LoadStep s) {
        return new LoadTarget.Users(s.users(), s.spawnRate(), s.userClasses());
    }

    /**
     * The start rate at once, then each stage as a linear ramp to its target, then a rate of 0 when
     * the plan ends, so the schedule stops issuing exactly at its end whenever the stop arrives.
     */
    private static PlanTimeline open(ArrivalPlan p) {
        LoadTarget.ArrivalPool pool = new LoadTarget.ArrivalPool(p.preAllocatedUsers(), p.maxUsers(), p.maxDelay());
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Duration.ZERO, new LoadTarget.Rate(p.startRate(), Duration.ZERO, pool, Duration.ZERO), null));
        Duration at = Duration.ZERO;
        for (Stage s : p.stages()) {
            steps.add(new Step(at, new LoadTarget.Rate(s.target(), s.duration(), pool, s.duration()), null));
            at = at.plus(s.duration());
        }
        steps.add(new Step(at, new LoadTarget.Rate(0, Duration.ZERO, pool), null));
        return new PlanTimeline(steps, null, p.duration());
    }
}
