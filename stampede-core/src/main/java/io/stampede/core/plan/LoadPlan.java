package io.stampede.core.plan;

import java.time.Duration;
import java.util.List;

/**
 * A closed-model load plan as data: user targets over time, and when to stop. Printing, validating
 * or splitting it across workers needs no engine.
 *
 * @param steps user targets, in time order, the first at zero
 * @param duration when the run ends; null runs until stopped
 * @param description one line for the console ("10 users at 2/s for 30s")
 */
public record LoadPlan(List<LoadStep> steps, Duration duration, String description) {
    public LoadPlan {
        steps = List.copyOf(steps);
    }

    /** A fixed number of users, ramped at {@code spawnRate}, for {@code duration} (null: until stopped). */
    public static LoadPlan constant(int users, double spawnRate, Duration duration) {
        String d = users + " users at " + trim(spawnRate) + "/s" + (duration == null ? "" : " for " + Durations.format(duration));
        return new LoadPlan(List.of(new LoadStep(Duration.ZERO, users, spawnRate)), duration, d);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
