package io.stampede.capacity;

import io.stampede.core.threshold.Threshold;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a capacity search is asked to do.
 *
 * @param model users (closed) or an arrival rate (open)
 * @param start the first step's load
 * @param growth how the exploration raises the load
 * @param stepTime how long each step runs, its warm-up included
 * @param max the highest load the search may run
 * @param slos what a good step must meet, judged on each step's own measurement
 * @param warmup the fraction of each step (0 to 0.9) not measured: the load moves to its new level
 *               then, and queues fill or drain
 * @param narrowSteps the most steps spent narrowing in once the exploration has found a bad load
 */
public record SearchSettings(LoadModel model, double start, Growth growth, Duration stepTime, double max,
                             List<Threshold> slos, double warmup, int narrowSteps) {
    public static final double DEFAULT_WARMUP = 0.2;
    public static final int DEFAULT_NARROW_STEPS = 3;

    public SearchSettings {
        slos = List.copyOf(slos);
        if (!(start > 0) || !(max >= start) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("need 0 < start load (" + start + ") <= max load (" + max + ")");
        }
        if (stepTime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a step must last at least 1s, was " + stepTime);
        }
        if (!(warmup >= 0 && warmup <= 0.9)) {
            throw new IllegalArgumentException("the warm-up must be 0 to 0.9 of a step, was " + warmup);
        }
        if (narrowSteps < 0) {
            throw new IllegalArgumentException("narrowing steps cannot be negative, was " + narrowSteps);
        }
        if (model.round(start) < model.smallestStep()) {
            throw new IllegalArgumentException("the start load rounds to nothing: " + start);
        }
    }

    /** Doubling from {@code start}, the default warm-up and narrowing. */
    public SearchSettings(LoadModel model, double start, Duration stepTime, double max, List<Threshold> slos) {
        this(model, start, Growth.DOUBLE, stepTime, max, slos, DEFAULT_WARMUP, DEFAULT_NARROW_STEPS);
    }

    public SearchSettings withGrowth(Growth g) {
        return new SearchSettings(model, start, g, stepTime, max, slos, warmup, narrowSteps);
    }

    public SearchSettings withWarmup(double fraction) {
        return new SearchSettings(model, start, growth, stepTime, max, slos, fraction, narrowSteps);
    }

    public SearchSettings withNarrowSteps(int n) {
        return new SearchSettings(model, start, growth, stepTime, max, slos, warmup, n);
    }

    /** The unmeasured start of each step. */
    public Duration warmupTime() {
        return Duration.ofMillis(Math.round(stepTime.toMillis() * warmup));
    }

    /** One line for the console and the run's outputs. */
    public String description() {
        String grow = switch (growth) {
            case Growth.Factor f -> "x" + trim(f.factor());
            case Growth.Step s -> "+" + trim(s.step());
        };
        String judged = slos.isEmpty() ? "no SLOs"
                : "SLOs " + slos.stream().map(Threshold::expression).collect(Collectors.joining(", "));
        return "capacity search: " + model.format(model.round(start)) + " " + grow + " up to " + model.format(max)
                + ", " + trim(stepTime.toMillis() / 1000.0) + "s steps (" + Math.round(warmup * 100) + "% warm-up), "
                + judged;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
