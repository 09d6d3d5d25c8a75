package io.stampede.cli;

import io.stampede.core.plan.ArrivalPlan;
import io.stampede.core.plan.Durations;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.plan.LoadStep;
import io.stampede.core.plan.Plan;
import io.stampede.core.threshold.Threshold;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One validated run configuration: every flag checked and converted, the plan chosen, the pass
 * criteria parsed. Built in two steps ({@link #fromFlags}, then {@link #withScenario}) because the
 * plan may come from the scenario file, which is only compiled once the flags are known to be sound.
 */
record RunConfig(URI host, Duration runTime, Duration stopTimeout, Duration connectTimeout, Duration timeout,
                 Duration liveInterval, Plan plan, List<Threshold> thresholds) {
    static final int DEFAULT_USERS = 1;
    static final double DEFAULT_SPAWN_RATE = 1;
    private static final Set<String> LOG_LEVELS = Set.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");

    RunConfig {
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
    }

    /** The flags alone, checked; no plan yet. */
    static RunConfig fromFlags(RunOptions o) throws UserError {
        if (o.file == null) {
            throw new UserError(ExitCodes.USAGE, "no scenario: give one with -f FILE.java");
        }
        if (!o.headless) {
            WebMode.checkFlags(o);
        }
        if (o.users != null && o.users < 0) {
            throw new UserError(ExitCodes.USAGE, "-u/--users must be 0 or more, was " + o.users);
        }
        if (o.spawnRate != null && !(o.spawnRate > 0)) {
            throw new UserError(ExitCodes.USAGE, "-r/--spawn-rate must be more than 0, was " + o.spawnRate);
        }
        if (o.maxConnections < 0) {
            throw new UserError(ExitCodes.USAGE, "--max-connections must be 0 or more, was " + o.maxConnections);
        }
        if (o.metricsPort != null && (o.metricsPort < 0 || o.metricsPort > 65535)) {
            throw new UserError(ExitCodes.USAGE, "--metrics-port must be a port from 0 to 65535, was " + o.metricsPort);
        }
        if (!LOG_LEVELS.contains(o.logLevel.toUpperCase())) {
            throw new UserError(ExitCodes.USAGE, "-L/--loglevel must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, was " + o.logLevel);
        }
        return new RunConfig(o.host == null ? null : host(o.host), o.runTime == null ? null : duration("-t/--run-time", o.runTime),
                duration("--stop-timeout", o.stopTimeout), duration("--connect-timeout", o.connectTimeout),
                duration("--timeout", o.timeout), duration("--live-interval", o.liveInterval), null, List.of());
    }

    /** With the plan and thresholds the flags and the scenario's classes give; contradictions are refused. */
    RunConfig withScenario(RunOptions o, List<Class<?>> classes, PrintStream err) throws UserError {
        Plan plan = Plans.choose(o, runTime, classes, err);
        URI target = host != null ? host : fileHost(classes);
        // the web page has a host field: only a run that starts by itself needs -H (or the file's @Host)
        if (target == null && (o.headless || o.autostart)) {
            throw new UserError(ExitCodes.USAGE, "no target: give one with -H http://host:port (or @Host on the user class)");
        }
        return new RunConfig(target, runTime, stopTimeout, connectTimeout, timeout, liveInterval, plan,
                Plans.thresholds(o, classes));
    }

    /** The most users the plan may run at once (for the file and port limits check). */
    int mostUsers() {
        return switch (plan) {
            case LoadPlan p -> p.shape() != null ? 0 : p.steps().stream().mapToInt(LoadStep::users).max().orElse(0);
            case ArrivalPlan p -> p.maxUsers();
        };
    }

    /** The {@code @Host} a user class of the scenario names (the first one), or null; -H takes precedence. */
    private static URI fileHost(List<Class<?>> classes) throws UserError {
        for (Class<?> c : classes) {
            io.stampede.Host h = c.getAnnotation(io.stampede.Host.class);
            if (h != null) {
                try {
                    return host(h.value());
                } catch (UserError e) {
                    throw new UserError(ExitCodes.USAGE, "@Host on " + c.getSimpleName() + " must be an http:// or https://"
                            + " URL with a host, was " + h.value() + " (or give -H)");
                }
            }
        }
        return null;
    }

    private static URI host(String text) throws UserError {
        try {
            URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "-H/--host must be an http:// or https:// URL with a host, was " + text);
        }
    }

    static Duration duration(String flag, String text) throws UserError {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, flag + ": " + e.getMessage());
        }
    }
}
