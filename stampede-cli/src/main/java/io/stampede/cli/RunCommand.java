package io.stampede.cli;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.plan.Durations;
import io.stampede.core.plan.ArrivalPlan;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.run.ArrivalEngine;
import io.stampede.core.threshold.Threshold;
import io.stampede.core.run.Engine;
import io.stampede.core.run.EngineSettings;
import io.stampede.core.run.LocalRun;
import io.stampede.core.spec.ScenarioException;
import io.stampede.core.spec.SpecReader;
import io.stampede.core.spec.TagFilter;
import io.stampede.core.spec.UserSpec;
import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.time.Clock;
import io.stampede.http.HttpClientConfig;
import io.stampede.http.JdkSessionFactory;
import io.stampede.http.SocketSessionFactory;
import io.stampede.core.run.SessionFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A headless run: checks the flags, loads the scenario, wires engine, transport and outputs, runs
 * the plan and turns the result into an exit code. The only place that knows every module.
 */
final class RunCommand {
    private static final Set<String> LOG_LEVELS = Set.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");

    private final RunOptions options;
    private final ProcessContext process;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile LocalRun run;

    RunCommand(RunOptions options, ProcessContext process) {
        this.options = options;
        this.process = process;
    }

    /** Ctrl-C: end the run early and wait until the final statistics are written. */
    void interrupt(Duration maxWait) {
        LocalRun r = run;
        if (r != null) {
            r.requestStop("interrupted");
            try {
                finished.await(maxWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    int call() throws UserError, Exception {
        try {
            return execute();
        } finally {
            finished.countDown();
        }
    }

    private int execute() throws Exception {
        Settings s = Settings.check(options);
        List<Class<?>> classes = ScenarioLoader.load(options.file, options.classpath,
                CompileCache.fromEnvironment(process.env()));
        List<UserSpec> specs = readSpecs(classes);
        Plans.Chosen plan = Plans.choose(options, s, classes, process.err());
        List<Threshold> thresholds = Plans.thresholds(options, classes);
        HostCheck.reachable(s.host(), s.connectTimeout());
        int mostUsers = plan.closed() != null
                ? plan.closed().steps().stream().mapToInt(st -> st.users()).max().orElse(0)
                : plan.open().maxUsers();
        SystemLimits.warnIfShort(mostUsers, options.maxConnections, process.err());
        HttpClientConfig http = new HttpClientConfig(s.host(), s.connectTimeout(), s.timeout(), options.insecure,
                options.maxConnections, "stampede/" + Version.VERSION);
        long seed = options.seed != null ? options.seed : System.nanoTime();
        EngineSettings engineSettings = new EngineSettings(s.stopTimeout(), seed, process.nodeName());
        List<Output> outputs = Outputs.create(options, s, process);
        RunResult result = plan.closed() != null
                ? runClosed(specs, plan.closed(), http, engineSettings, outputs, thresholds, s)
                : runOpen(specs, plan.open(), http, engineSettings, outputs, thresholds, s);
        if (!result.thresholdsPassed()) {
            return ExitCodes.THRESHOLD_FAILED;
        }
        return result.stats().total().failures() > 0 ? options.exitCodeOnError : ExitCodes.OK;
    }

    private RunResult runClosed(List<UserSpec> specs, LoadPlan plan, HttpClientConfig http, EngineSettings settings,
                                List<Output> outputs, List<Threshold> thresholds, Settings s) throws Exception {
        StatsRegistry registry = new StatsRegistry(Clock.SYSTEM, process.nodeName());
        StatsCollector collector = new StatsCollector(registry, Clock.SYSTEM);
        try (Engine engine = new Engine(specs, transport(http), registry, collector, settings, Clock.SYSTEM)) {
            Runnable onRamp = options.resetStats ? collector::reset : () -> { };
            LocalRun r = new LocalRun(engine, outputs, plan, Clock.SYSTEM, Duration.ofSeconds(1), onRamp)
                    .thresholds(thresholds, options.abortOnThreshold);
            run = r;
            return r.run(new RunInfo(s.host().toString(), engine.userClasses(), plan.description(), System.currentTimeMillis()));
        }
    }

    private RunResult runOpen(List<UserSpec> specs, ArrivalPlan plan, HttpClientConfig http, EngineSettings settings,
                              List<Output> outputs, List<Threshold> thresholds, Settings s) throws Exception {
        StatsRegistry registry = new StatsRegistry(Clock.SYSTEM, process.nodeName());
        StatsRegistry raw = new StatsRegistry(Clock.SYSTEM, process.nodeName());
        StatsCollector collector = new StatsCollector(registry, Clock.SYSTEM);
        try (ArrivalEngine engine = new ArrivalEngine(specs, plan, transport(http), registry, collector,
                raw, new StatsCollector(raw, Clock.SYSTEM), settings, Clock.SYSTEM, n -> process.err().println("stampede: " + n))) {
            LoadPlan timeline = new LoadPlan(List.of(), plan.duration(), plan.description());
            LocalRun r = new LocalRun(engine, outputs, timeline, Clock.SYSTEM, Duration.ofSeconds(1), () -> { })
                    .thresholds(thresholds, options.abortOnThreshold)
                    .arrival(engine::uncorrectedSnapshot, engine::arrivalStats);
            run = r;
            engine.start();
            return r.run(new RunInfo(s.host().toString(), engine.userClasses(), plan.description(), System.currentTimeMillis()));
        }
    }

    private SessionFactory transport(HttpClientConfig http) throws UserError {
        return switch (options.transport) {
            case "socket" -> new SocketSessionFactory(http);
            case "jdk" -> new JdkSessionFactory(http);
            default -> throw new UserError(ExitCodes.USAGE, "--transport must be socket or jdk, was " + options.transport);
        };
    }

    private List<UserSpec> readSpecs(List<Class<?>> classes) throws UserError {
        if (!options.userClasses.isEmpty()) {
            List<Class<?>> picked = new ArrayList<>();
            for (String name : options.userClasses) {
                Class<?> c = classes.stream().filter(k -> k.getSimpleName().equals(name) || k.getName().equals(name))
                        .findFirst().orElseThrow(() -> new UserError(ExitCodes.USAGE, "no user class named " + name + " in " + options.file));
                picked.add(c);
            }
            classes = picked;
        }
        try {
            return new SpecReader(new TagFilter(Set.copyOf(options.tags), Set.copyOf(options.excludeTags))).read(classes);
        } catch (ScenarioException e) {
            throw new UserError(ExitCodes.USAGE, "scenario " + options.file + ": " + String.join("; ", e.problems()));
        }
    }

    /** The flags, checked and converted. */
    record Settings(URI host, Duration runTime, Duration stopTimeout, Duration connectTimeout, Duration timeout,
                    Duration liveInterval) {
        static Settings check(RunOptions o) throws UserError {
            if (o.file == null) {
                throw new UserError(ExitCodes.USAGE, "no scenario: give one with -f FILE.java");
            }
            if (o.host == null) {
                throw new UserError(ExitCodes.USAGE, "no target: give one with -H http://host:port");
            }
            if (o.users < 0) {
                throw new UserError(ExitCodes.USAGE, "-u/--users must be 0 or more, was " + o.users);
            }
            if (!(o.spawnRate > 0)) {
                throw new UserError(ExitCodes.USAGE, "-r/--spawn-rate must be more than 0, was " + o.spawnRate);
            }
            if (o.maxConnections < 0) {
                throw new UserError(ExitCodes.USAGE, "--max-connections must be 0 or more, was " + o.maxConnections);
            }
            if (!LOG_LEVELS.contains(o.logLevel.toUpperCase())) {
                throw new UserError(ExitCodes.USAGE, "-L/--loglevel must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, was " + o.logLevel);
            }
            return new Settings(host(o.host), o.runTime == null ? null : duration("-t/--run-time", o.runTime),
                    duration("--stop-timeout", o.stopTimeout), duration("--connect-timeout", o.connectTimeout),
                    duration("--timeout", o.timeout), duration("--live-interval", o.liveInterval));
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

        private static Duration duration(String flag, String text) throws UserError {
            try {
                return Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCodes.USAGE, flag + ": " + e.getMessage());
            }
        }
    }
}
