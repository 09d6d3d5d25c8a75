package io.stampede.cli;

import io.stampede.LoadShape;
import io.stampede.Stages;
import io.stampede.Thresholds;
import io.stampede.core.plan.ArrivalPlan;
import io.stampede.core.plan.Durations;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.plan.LoadStep;
import io.stampede.core.plan.Stage;
import io.stampede.core.threshold.Threshold;
import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the flags and the scenario's own declarations (@Stages, @Thresholds, a LoadShape class) into
 * a load plan. Flags win over the file.
 */
final class Plans {
    private Plans() {
    }

    /** Either a closed plan (users) or an open one (arrival rate). */
    record Chosen(LoadPlan closed, ArrivalPlan open) {
        String description() {
            return closed != null ? closed.description() : open.description();
        }
    }

    static Chosen choose(RunOptions o, RunCommand.Settings s, List<Class<?>> classes, PrintStream err) throws UserError {
        boolean step = o.stepUsers != null || o.stepTime != null;
        if (o.arrivalRate != null && step) {
            throw new UserError(ExitCodes.USAGE, "--arrival-rate and --step-users/--step-time do not go together: pick one load model");
        }
        if (o.stages != null && step) {
            throw new UserError(ExitCodes.USAGE, "--stages and --step-users/--step-time do not go together: pick one load model");
        }
        if (o.arrivalRate != null) {
            return new Chosen(null, arrival(o, s));
        }
        if (step) {
            if (o.stepUsers == null || o.stepTime == null) {
                throw new UserError(ExitCodes.USAGE, "a step load needs both --step-users N and --step-time TIME");
            }
            if (o.stepUsers < 1) {
                throw new UserError(ExitCodes.USAGE, "--step-users must be 1 or more, was " + o.stepUsers);
            }
            return new Chosen(LoadPlan.stepLoad(o.stepUsers, duration("--step-time", o.stepTime), o.users, o.spawnRate,
                    s.runTime()), null);
        }
        String stages = o.stages != null ? o.stages : fileStages(classes);
        if (stages != null) {
            return new Chosen(LoadPlan.stages(stages(stages)), null);
        }
        Class<?> shape = classes.stream().filter(Plans::isShape).findFirst().orElse(null);
        if (shape != null) {
            return new Chosen(shaped(shape, s.runTime(), err), null);
        }
        return new Chosen(LoadPlan.constant(o.users, o.spawnRate, s.runTime()), null);
    }

    static List<Threshold> thresholds(RunOptions o, List<Class<?>> classes) throws UserError {
        List<String> all = new ArrayList<>(o.thresholds);
        for (Class<?> c : classes) {
            Thresholds t = c.getAnnotation(Thresholds.class);
            if (t != null) {
                all.addAll(List.of(t.value()));
            }
        }
        List<Threshold> parsed = new ArrayList<>();
        for (String text : all) {
            try {
                parsed.add(Threshold.parse(text));
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCodes.USAGE, "--threshold: " + e.getMessage());
            }
        }
        return parsed;
    }

    private static ArrivalPlan arrival(RunOptions o, RunCommand.Settings s) throws UserError {
        double rate = rate(o.arrivalRate);
        if (o.preAllocatedUsers < 1 || o.maxUsers < o.preAllocatedUsers) {
            throw new UserError(ExitCodes.USAGE, "need 1 <= --pre-allocated-users (" + o.preAllocatedUsers
                    + ") <= --max-users (" + o.maxUsers + ")");
        }
        Duration maxDelay = duration("--max-delay", o.maxDelay);
        if (o.stages != null) {
            return new ArrivalPlan(rate, stages(o.stages), o.preAllocatedUsers, o.maxUsers, maxDelay);
        }
        if (s.runTime() == null) {
            throw new UserError(ExitCodes.USAGE, "--arrival-rate needs -t/--run-time (or --stages of rates)");
        }
        return ArrivalPlan.constant(rate, s.runTime(), o.preAllocatedUsers, o.maxUsers).withMaxDelay(maxDelay);
    }

    /** "500/s", "30/m", "2/h" or a bare number (per second). */
    static double rate(String text) throws UserError {
        String t = text.trim();
        double per = 1;
        if (t.endsWith("/s")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("/m")) {
            t = t.substring(0, t.length() - 2);
            per = 60;
        } else if (t.endsWith("/h")) {
            t = t.substring(0, t.length() - 2);
            per = 3600;
        }
        try {
            double v = Double.parseDouble(t) / per;
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new UserError(ExitCodes.USAGE, "--arrival-rate must be a positive rate like 500/s or 30/m, was " + text);
    }

    private static List<Stage> stages(String text) throws UserError {
        try {
            return Stage.parseList(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "--stages: " + e.getMessage());
        }
    }

    private static Duration duration(String flag, String text) throws UserError {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, flag + ": " + e.getMessage());
        }
    }

    private static String fileStages(List<Class<?>> classes) {
        return classes.stream().map(c -> c.getAnnotation(Stages.class)).filter(a -> a != null).map(Stages::value)
                .findFirst().orElse(null);
    }

    private static boolean isShape(Class<?> c) {
        return LoadShape.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers());
    }

    private static LoadPlan shaped(Class<?> type, Duration runTime, PrintStream err) throws UserError {
        LoadShape shape;
        try {
            var ctor = type.getDeclaredConstructor();
            ctor.setAccessible(true);
            shape = (LoadShape) ctor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UserError(ExitCodes.USAGE, type.getSimpleName() + ": a LoadShape needs a constructor without parameters");
        }
        return LoadPlan.shaped(elapsed -> {
            try {
                LoadShape.Target t = shape.tick(elapsed);
                if (t == null) {
                    return null;
                }
                Set<String> classes = t.userClasses() == null ? null
                        : t.userClasses().stream().map(Class::getSimpleName).collect(Collectors.toSet());
                return new LoadStep(Duration.ZERO, t.users(), t.spawnRate(), null, classes);
            } catch (RuntimeException e) {
                err.println("stampede: " + type.getSimpleName() + ".tick failed, ending the run: " + e);
                return null;
            }
        }, type.getSimpleName(), runTime);
    }
}
