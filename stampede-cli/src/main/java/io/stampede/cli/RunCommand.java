package io.stampede.cli;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.run.Engine;
import io.stampede.core.run.EngineNotice;
import io.stampede.core.run.EngineSettings;
import io.stampede.core.run.RunDriver;
import io.stampede.cluster.MasterController;
import io.stampede.core.run.LoadController;
import io.stampede.core.run.LoadTarget;
import io.stampede.core.run.RunRequest;
import io.stampede.core.run.RunState;
import io.stampede.core.spec.ScenarioException;
import io.stampede.core.spec.SpecReader;
import io.stampede.core.spec.TagFilter;
import io.stampede.core.spec.UserSpec;
import io.stampede.core.time.Clock;
import io.stampede.core.transport.SessionFactory;
import io.stampede.http.HttpClientConfig;
import io.stampede.http.JdkSessionFactory;
import io.stampede.http.SocketSessionFactory;
import io.stampede.http2.Http2SessionFactory;
import io.stampede.prometheus.MetricsPortInUseException;
import io.stampede.prometheus.MetricsServer;
import io.stampede.prometheus.PrometheusOutput;
import io.stampede.store.ResultsStore;
import io.stampede.store.StoreUnavailableException;
import io.stampede.web.WebOutput;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A headless run: checks the flags, loads the scenario, wires engine, transport, driver and outputs,
 * runs the plan and turns the result into an exit code. The only place that knows every module.
 */
final class RunCommand {
    /** How often the driver takes statistics and hands them to the outputs. */
    static final Duration STATS_INTERVAL = Duration.ofSeconds(1);

    private final RunOptions options;
    private final ClusterOptions cluster;
    private final StoreOption store;
    private final ProcessContext process;
    private final List<Output> extraOutputs;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final ProtocolReport protocol;
    private volatile RunDriver driver;
    private volatile WebMode webMode;

    RunCommand(RunOptions options, ClusterOptions cluster, StoreOption store, ProcessContext process,
               List<Output> extraOutputs) {
        this.options = options;
        this.cluster = cluster;
        this.store = store;
        this.process = process;
        this.extraOutputs = List.copyOf(extraOutputs);
        this.protocol = new ProtocolReport(options.json ? process.err() : process.out());
    }

    /** Ctrl-C: end the run early and wait until the final statistics are written. */
    void interrupt(Duration maxWait) {
        RunDriver d = driver;
        WebMode w = webMode;
        if (w != null) {
            w.quit();
        }
        if (d != null) {
            d.stop("interrupted");
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
        RunConfig flags = RunConfig.fromFlags(options);
        ScenarioLoader.Loaded loaded = ScenarioLoader.loadWithClassFiles(options.file, options.classpath,
                CompileCache.fromEnvironment(process.env()));
        List<Class<?>> classes = loaded.classes();
        List<UserSpec> specs = readSpecs(classes);
        RunConfig config = flags.withScenario(options, classes, process.err());
        if (config.host() != null) {
            HostCheck.reachable(config.host(), config.connectTimeout());
        }
        SystemLimits.warnIfShort(config.mostUsers(), options.maxConnections, process.err());
        long seed = options.seed != null ? options.seed : System.nanoTime();
        EngineSettings settings = new EngineSettings(config.stopTimeout(), seed, process.nodeName());
        SwitchableSessions sessions = new SwitchableSessions();
        if (config.host() != null) {
            sessions.switchTo(transport(config.host(), config));
        }
        AtomicReference<RunDriver> current = new AtomicReference<>();
        List<Output> outputs = new ArrayList<>(Outputs.create(options, config, process));
        // the JSON summary says which protocol the transport spoke; the note goes right under the console's summary
        outputs.replaceAll(o -> o instanceof io.stampede.report.JsonOutput j ? j.withFields(protocol::fields) : o);
        outputs.add(1, protocol);
        WebOutput web = options.headless ? null : new WebOutput();
        java.nio.file.Path webReport = null;
        if (web != null) {
            outputs.add(web);
            // the page's "Report (HTML)" download: the last finished run's report, kept beside the process
            webReport = java.nio.file.Files.createTempDirectory("stampede-web").resolve("report.html");
            webReport.toFile().deleteOnExit();
            webReport.getParent().toFile().deleteOnExit();
            outputs.add(new io.stampede.html.HtmlOutput(webReport, Outputs.reportParameters(options)));
        }
        PrometheusOutput metrics = options.metricsPort == null && options.headless ? null : new PrometheusOutput(
                () -> current.get() == null ? RunState.READY : current.get().state(), () -> targetUsers(current.get()));
        if (metrics != null) {
            outputs.add(metrics);
        }
        outputs.addAll(extraOutputs);
        ResultsStore results = openStore();
        if (results != null) {
            outputs.add(results.output(options.file));
        }
        RunResult result;
        try (ResultsStore closeLast = results;
             Controller controller = controller(specs, loaded, sessions, settings, config);
             RunDriver d = new RunDriver(controller.load(), outputs, Clock.SYSTEM, STATS_INTERVAL,
                     line -> process.err().println("stampede: " + line));
             MetricsServer metricsServer = startMetrics(metrics)) {
            current.set(d);
            driver = d;
            controller.awaitReady();
            if (web != null) {
                webMode = new WebMode(options, process, this);
                java.nio.file.Path report = webReport;
                return webMode.serve(d, config, controller.userClasses(), sessions, web,
                        metrics == null ? null : metrics::scrape, () -> readIfThere(report));
            }
            RunInfo info = new RunInfo(config.host().toString(), controller.userClasses(), config.plan().description(),
                    System.currentTimeMillis());
            var running = d.start(new RunRequest(config.plan(), info, config.thresholds(), options.abortOnThreshold,
                    options.resetStats));
            Runnable restoreTerminal = listenToKeys(d, config);
            try {
                result = running.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            } finally {
                restoreTerminal.run();
            }
            if (!d.outputFailures().isEmpty()) {
                throw new UserError(ExitCodes.INTERNAL, "not every result was written: " + String.join("; ", d.outputFailures()));
            }
        }
        return exitCode(result);
    }

    /**
     * What the driver steers: the users in this process (an {@link Engine}), or, with --master, the
     * workers that connect ({@link MasterController}): the same seam, so everything else is the same.
     */
    private Controller controller(List<UserSpec> specs, ScenarioLoader.Loaded loaded, SwitchableSessions sessions,
                                  EngineSettings settings, RunConfig config) throws UserError {
        List<String> names = specs.stream().map(UserSpec::name).toList();
        if (!cluster.master) {
            Engine engine = new Engine(specs, sessions, settings, Clock.SYSTEM, this::notice);
            return new Controller(engine, engine, names, () -> { });
        }
        if (config.host() == null) {
            throw new UserError(ExitCodes.USAGE, "--master needs a target for its workers: give one with -H http://host:port");
        }
        sessions.close();
        MasterController master = MasterSetup.start(cluster, process, loaded, names, options, config, settings);
        return new Controller(master, master, names, () -> MasterSetup.awaitWorkers(cluster, master, process));
    }

    /** A controller, what closes it, its user classes, and what to wait for before the run starts. */
    private record Controller(LoadController load, AutoCloseable closer, List<String> userClasses, ReadyCheck ready)
            implements AutoCloseable {
        void awaitReady() throws Exception {
            ready.await();
        }

        @Override
        public void close() throws Exception {
            closer.close();
        }
    }

    @FunctionalInterface
    private interface ReadyCheck {
        void await() throws Exception;
    }

    /**
     * The results store this run is kept in (headless runs; --store or STAMPEDE_STORE), or null. A
     * store that cannot be opened costs one line: the run still writes its files.
     */
    private ResultsStore openStore() {
        String where = store.location(process.env());
        if (where == null || !options.headless) {
            return null;
        }
        try {
            return ResultsStore.open(where);
        } catch (StoreUnavailableException e) {
            process.err().println("stampede: the run is not kept in the results store: " + e.getMessage());
            return null;
        }
    }

    private static String readIfThere(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The exit code of a finished run; failures that a flag removes get their advice first. */
    int exitCode(RunResult result) {
        FailureAdvice.print(result.stats().errors(), process.err());
        if (!result.thresholdsPassed()) {
            return ExitCodes.THRESHOLD_FAILED;
        }
        return result.stats().total().failures() > 0 ? options.exitCodeOnError : ExitCodes.OK;
    }

    /** The users asked for last, for the target-users gauge (0 before a run, and in arrival-rate runs). */
    static int targetUsers(RunDriver d) {
        return d != null && d.target() instanceof LoadTarget.Users u ? u.users() : 0;
    }

    /** Serves /metrics on --metrics-port (bound to --web-host), or nothing without the flag (the web UI serves it too). */
    private MetricsServer startMetrics(PrometheusOutput metrics) throws UserError {
        if (metrics == null || options.metricsPort == null) {
            return null;
        }
        try {
            MetricsServer server = MetricsServer.start(options.webHost, options.metricsPort, metrics);
            process.err().println("stampede: Prometheus metrics at http://" + hostForUrl(options.webHost) + ":"
                    + server.port() + "/metrics");
            return server;
        } catch (MetricsPortInUseException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw new UserError(ExitCodes.USAGE, "--metrics-port " + options.metricsPort + ": " + e.getMessage());
        }
    }

    static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /**
     * Locust's keys (w/W, s/S) change the users of a closed-model run while a person is at the
     * terminal; never when standard input is a pipe or CI. Returns what puts the terminal back.
     */
    private Runnable listenToKeys(RunDriver d, RunConfig config) {
        if (!process.terminal() || !(config.plan() instanceof io.stampede.core.plan.LoadPlan)) {
            return () -> { };
        }
        Runnable restore = Terminal.singleKeyMode();
        java.util.concurrent.atomic.AtomicInteger wanted = new java.util.concurrent.atomic.AtomicInteger(-1);
        new KeyboardControl(process.in(), delta -> {
            if (!(d.target() instanceof io.stampede.core.run.LoadTarget.Users u)) {
                return;
            }
            int users = Math.max(0, (wanted.get() < 0 ? u.users() : wanted.get()) + delta);
            wanted.set(users);
            try {
                d.change(new io.stampede.core.run.LoadTarget.Users(users, u.spawnRate(), u.userClasses()));
                process.err().println("stampede: users -> " + users);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the run is ending
            }
        }).start();
        process.err().println("stampede: keys: w/W add 1/10 users, s/S remove 1/10");
        return restore;
    }

    /** The engine's notices in the words of this command's flags. */
    private void notice(EngineNotice n) {
        String line = switch (n) {
            case EngineNotice.ArrivalPoolExhausted a -> "arrival rate: all " + a.users() + " users are busy (--max-users "
                    + a.maxUsers() + "); iterations are starting late and their latency counts from when they were due.";
            case EngineNotice.IterationsDropped d -> "arrival rate: iterations more than " + d.maxDelayMillis()
                    + " ms late are being dropped (counted): all " + d.users() + " users are busy."
                    + " Raise --max-users or lower the rate.";
        };
        process.err().println("stampede: " + line);
    }

    /** The transport to {@code host} with the flags' timeouts, TLS and connection settings. */
    SessionFactory transport(URI host, RunConfig config) throws UserError {
        HttpClientConfig http = new HttpClientConfig(host, config.connectTimeout(), config.timeout(),
                options.insecure, options.maxConnections, "stampede/" + Version.VERSION);
        if (options.http2) {
            if (options.maxConnections > 0) {
                throw new UserError(ExitCodes.USAGE, "--http2 keeps one connection per user (its requests are streams on it);"
                        + " --max-connections shares HTTP/1.1 connections: give one or the other");
            }
            if (!"socket".equals(options.transport)) {
                throw new UserError(ExitCodes.USAGE, "--http2 and --transport " + options.transport + " do not go together");
            }
            Http2SessionFactory h2 = new Http2SessionFactory(http);
            protocol.transport(h2);
            if (cluster.master) {
                protocol.spokenByWorkers();
            }
            return h2;
        }
        protocol.transport(null);
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
}
