package io.stampede.cli;

import io.stampede.LoadShape;
import io.stampede.Stages;
import io.stampede.Thresholds;
import io.stampede.core.plan.ArrivalPlan;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.plan.LoadStep;
import io.stampede.core.plan.Plan;
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

    /**
     * The plan of the run: an arrival rate, a step load, stages (flag, or @Stages in the file), a
     * LoadShape class in the file, or a constant number of users. Flags that contradict the chosen
     * model are refused rather than silently ignored.
     */
    static Plan choose(RunOptions o, Duration runTime, List<Class<?>> classes, PrintStream err) throws UserError {
        boolean step = o.stepUsers != null || o.stepTime != null;
        if (o.arrivalRate != null && step) {
            throw new UserError(ExitCodes.USAGE, "--arrival-rate and --step-users/--step-time do not go together: pick one load model");
        }
        if (o.stages != null && step) {
            throw new UserError(ExitCodes.USAGE, "--stages and --step-users/--step-time do not go together: pick one load model");
        }
        if (o.arrivalRate == null) {
            refuseArrivalFlags(o);
        }
        if (o.arrivalRate != null) {
            refuse(o.users != null, "-u/--users does not apply to --arrival-rate: the rate sets the load (--max-users caps the pool)");
            refuse(o.spawnRate != null, "-r/--spawn-rate does not apply to --arrival-rate: the rate sets the load");
            refuse(o.resetStats, "--reset-stats needs users to ramp up; an --arrival-rate run has none");
            return arrival(o, runTime);
        }
        int users = o.users != null ? o.users : RunConfig.DEFAULT_USERS;
        double spawnRate = o.spawnRate != null ? o.spawnRate : RunConfig.DEFAULT_SPAWN_RATE;
        if (step) {
            if (o.stepUsers == null || o.stepTime == null) {
                throw new UserError(ExitCodes.USAGE, "a step load needs both --step-users N and --step-time TIME");
            }
            if (o.stepUsers < 1) {
                throw new UserError(ExitCodes.USAGE, "--step-users must be 1 or more, was " + o.stepUsers);
            }
            return LoadPlan.stepLoad(o.stepUsers, RunConfig.duration("--step-time", o.stepTime), users, spawnRate, runTime);
        }
        if (o.stages != null) {
            refuse(o.users != null, "-u/--users does not go with --stages: the stages set the users");
            refuse(o.spawnRate != null, "-r/--spawn-rate does not go with --stages: each stage's ramp sets the rate");
            refuse(runTime != null, "-t/--run-time does not go with --stages: the stages' durations add up to the run time");
            return LoadPlan.stages(stages(o.stages));
        }
        // The file's own plan (@Stages, a LoadShape) gives way to -u/-r on the command line: flags win over the file.
        boolean usersFlagged = o.users != null || o.spawnRate != null;
        String fileStages = fileStages(classes);
        Class<?> shape = classes.stream().filter(Plans::isShape).findFirst().orElse(null);
        if (usersFlagged && (fileStages != null || shape != null)) {
            err.println("stampede: -u/-r on the command line replace the scenario's "
                    + (fileStages != null ? "@Stages" : "load shape " + shape.getSimpleName()));
        } else if (fileStages != null) {
            refuse(runTime != null, "-t/--run-time does not go with the scenario's @Stages: their durations add up to the run time");
            return LoadPlan.stages(stages(fileStages));
        } else if (shape != null) {
            return shaped(shape, runTime, err);
        }
        return LoadPlan.constant(users, spawnRate, runTime);
    }

    private static void refuseArrivalFlags(RunOptions o) throws UserError {
        refuse(o.preAllocatedUsers != null, "--pre-allocated-users applies only to --arrival-rate runs");
        refuse(o.maxUsers != null, "--max-users applies only to --arrival-rate runs (-u sets the users of this one)");
        refuse(o.maxDelay != null, "--max-delay applies only to --arrival-rate runs");
    }

    private static void refuse(boolean contradiction, String message) throws UserError {
        if (contradiction) {
            throw new UserError(ExitCodes.USAGE, message);
        }
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

    static final int DEFAULT_PRE_ALLOCATED_USERS = 10;
    static final int DEFAULT_MAX_USERS = 1000;

    private static ArrivalPlan arrival(RunOptions o, Duration runTime) throws UserError {
        double rate = rate(o.arrivalRate);
        int pre = o.preAllocatedUsers != null ? o.preAllocatedUsers : DEFAULT_PRE_ALLOCATED_USERS;
        int max = o.maxUsers != null ? o.maxUsers : Math.max(DEFAULT_MAX_USERS, pre);
        if (pre < 1 || max < pre) {
            throw new UserError(ExitCodes.USAGE, "need 1 <= --pre-allocated-users (" + pre + ") <= --max-users (" + max + ")");
        }
        Duration maxDelay = o.maxDelay != null ? RunConfig.duration("--max-delay", o.maxDelay) : ArrivalPlan.DEFAULT_MAX_DELAY;
        if (o.stages != null) {
            refuse(runTime != null, "-t/--run-time does not go with --stages: the stages' durations add up to the run time");
            return new ArrivalPlan(rate, stages(o.stages), pre, max, maxDelay);
        }
        if (runTime == null) {
            throw new UserError(ExitCodes.USAGE, "--arrival-rate needs -t/--run-time (or --stages of rates)");
        }
        return ArrivalPlan.constant(rate, runTime, pre, max).withMaxDelay(maxDelay);
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
