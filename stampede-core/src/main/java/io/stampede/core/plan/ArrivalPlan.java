package io.stampede.core.plan;

import java.time.Duration;
import java.util.List;

/**
 * An open-model plan (k6's arrival-rate executors): iterations start on a schedule, however slow the
 * server is. The rate starts at {@code startRate} and moves linearly to each stage's target in turn.
 *
 * @param startRate iterations per second at the start
 * @param stages rate targets (per second) over time; a constant rate is one stage from and to the same rate
 * @param preAllocatedUsers users started before the first iteration
 * @param maxUsers the most users the pool may grow to; beyond that, iterations wait and start late
 * @param maxDelay how late an iteration may start; a later one is dropped and counted
 */
public record ArrivalPlan(double startRate, List<Stage> stages, int preAllocatedUsers, int maxUsers, Duration maxDelay) implements Plan {
    /** The default for {@code maxDelay}. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(5);

    public ArrivalPlan(double startRate, List<Stage> stages, int preAllocatedUsers, int maxUsers) {
        this(startRate, stages, preAllocatedUsers, maxUsers, DEFAULT_MAX_DELAY);
    }

    public ArrivalPlan {
        stages = List.copyOf(stages);
        if (preAllocatedUsers < 1 || maxUsers < preAllocatedUsers) {
            throw new IllegalArgumentException("need 1 <= pre-allocated users <= max users");
        }
    }

    /** A constant rate for {@code duration}. */
    public static ArrivalPlan constant(double perSecond, Duration duration, int preAllocated, int maxUsers) {
        return new ArrivalPlan(perSecond, List.of(new Stage(duration, perSecond)), preAllocated, maxUsers);
    }

    public ArrivalPlan withMaxDelay(Duration delay) {
        return new ArrivalPlan(startRate, stages, preAllocatedUsers, maxUsers, delay);
    }

    public Duration duration() {
        return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** Iterations due from the start to {@code seconds} (the integral of the rate). */
    public double iterationsBy(double seconds) {
        double total = 0;
        double from = startRate;
        double t = 0;
        for (Stage s : stages) {
            double len = s.duration().toNanos() / 1e9;
            double to = s.target();
            if (seconds <= t + len) {
                double x = seconds - t;
                double rateAtX = len == 0 ? to : from + (to - from) * x / len;
                return total + (from + rateAtX) / 2 * x;
            }
            total += (from + to) / 2 * len;
            from = to;
            t += len;
        }
        return total;
    }

    public String description() {
        StringBuilder b = new StringBuilder("arrival rate ");
        if (stages.size() == 1 && stages.get(0).target() == startRate) {
            b.append(trim(startRate)).append("/s for ").append(Durations.format(stages.get(0).duration()));
        } else {
            b.append(trim(startRate)).append("/s");
            for (Stage s : stages) {
                b.append(", ").append(Durations.format(s.duration())).append(':').append(trim(s.target())).append("/s");
            }
        }
        return b.append(", ").append(preAllocatedUsers).append('-').append(maxUsers).append(" users").toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
