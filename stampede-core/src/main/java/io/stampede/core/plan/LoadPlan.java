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
public record LoadPlan(List<LoadStep> steps, Duration duration, String description, Shape shape) implements Plan {
    public LoadPlan {
        steps = List.copyOf(steps);
    }

    public LoadPlan(List<LoadStep> steps, Duration duration, String description) {
        this(steps, duration, description, null);
    }

    /** A plan computed while running (a scenario's LoadShape): asked about once a second. */
    @FunctionalInterface
    public interface Shape {
        /** The step to apply now, or null to end the run. */
        LoadStep at(Duration elapsed);
    }

    /** A plan driven by {@code shape}; it ends when the shape returns null (or at {@code duration}). */
    public static LoadPlan shaped(Shape shape, String name, Duration duration) {
        return new LoadPlan(List.of(), duration, "load shape " + name, shape);
    }

    /** A fixed number of users, ramped at {@code spawnRate}, for {@code duration} (null: until stopped). */
    public static LoadPlan constant(int users, double spawnRate, Duration duration) {
        String d = users + " users at " + trim(spawnRate) + "/s" + (duration == null ? "" : " for " + Durations.format(duration));
        return new LoadPlan(List.of(new LoadStep(Duration.ZERO, users, spawnRate)), duration, d);
    }

    /**
     * k6's stages: each stage moves the user count linearly from the previous target to its own
     * over its duration (the spawn rate is the slope); the run ends after the last stage.
     */
    public static LoadPlan stages(List<Stage> stages) {
        List<LoadStep> steps = new java.util.ArrayList<>();
        Duration at = Duration.ZERO;
        double previous = 0;
        StringBuilder d = new StringBuilder("stages");
        for (Stage s : stages) {
            int target = (int) Math.round(s.target());
            double seconds = s.duration().toMillis() / 1000.0;
            double rate = seconds == 0 ? 0 : Math.abs(target - previous) / seconds;
            if (target != previous || steps.isEmpty()) {
                steps.add(new LoadStep(at, target, rate));
            }
            d.append(' ').append(Durations.format(s.duration())).append(':').append(target);
            at = at.plus(s.duration());
            previous = target;
        }
        return new LoadPlan(steps, at, d.toString());
    }

    /**
     * A step load: {@code stepUsers} more users every {@code stepTime} up to {@code maxUsers}, each step
     * a phase with its own statistics, so the run produces the users-vs-throughput table teams bring
     * to capacity reviews. Ends after the last step has run for {@code stepTime}, or at {@code duration}.
     */
    public static LoadPlan stepLoad(int stepUsers, Duration stepTime, int maxUsers, double spawnRate, Duration duration) {
        if (stepUsers < 1 || stepTime.isZero() || stepTime.isNegative()) {
            throw new IllegalArgumentException("a step load needs --step-users of 1 or more and a --step-time");
        }
        List<LoadStep> steps = new java.util.ArrayList<>();
        int users = 0;
        Duration at = Duration.ZERO;
        while (users < maxUsers) {
            users = Math.min(maxUsers, users + stepUsers);
            steps.add(new LoadStep(at, users, spawnRate, "step " + (steps.size() + 1)));
            at = at.plus(stepTime);
        }
        Duration end = duration != null ? duration : at;
        return new LoadPlan(steps, end, "step load: +" + stepUsers + " users every " + Durations.format(stepTime)
                + " up to " + maxUsers + " at " + trim(spawnRate) + "/s");
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
