package io.stampede.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The run's flags, named as in Locust so habits and scripts carry over. Values are checked in
 * {@link RunCommand}; this class only declares them.
 */
final class RunOptions {
    @Option(names = {"-f", "--locustfile", "--file"}, paramLabel = "FILE",
            description = "Scenario: a .java file, a folder of them, or a class name with --classpath.")
    String file;

    @Parameters(paramLabel = "UserClass", arity = "0..*",
            description = "Run only these user classes of the scenario (default: all).")
    List<String> userClasses = new ArrayList<>();

    @Option(names = "--classpath", paramLabel = "PATH", description = "Jars or folders with compiled scenarios and their libraries.")
    String classpath;

    @Option(names = {"-H", "--host"}, paramLabel = "URL", description = "Base URL of the target, e.g. http://127.0.0.1:8080.")
    String host;

    // Flags without a picocli default are null when not given, so a flag that contradicts the plan can be told apart.
    @Option(names = {"-u", "--users"}, paramLabel = "N", description = "Peak number of concurrent users (default 1).")
    Integer users;

    @Option(names = {"-r", "--spawn-rate"}, paramLabel = "RATE", description = "Users started per second (default 1).")
    Double spawnRate;

    @Option(names = {"-t", "--run-time"}, paramLabel = "TIME", description = "Stop after this long: 30s, 5m, 1h30m (default: until Ctrl-C).")
    String runTime;

    @Option(names = "--headless", description = "Run without the web UI: start at once, print the tables, exit at the end.")
    boolean headless;

    @Option(names = "--web-port", paramLabel = "PORT", defaultValue = "8089",
            description = "Without --headless: the web UI's port (default ${DEFAULT-VALUE}).")
    int webPort;

    @Option(names = "--web-auth", paramLabel = "USER:PASSWORD",
            description = "Without --headless: ask for this user and password (HTTP basic) on every page and endpoint.")
    String webAuth;

    @Option(names = "--autostart", description = "Without --headless: start the run of -u/-r/-t (or the plan flags) at once.")
    boolean autostart;

    @Option(names = "--autoquit", paramLabel = "SECONDS", defaultValue = "-1",
            description = "With --autostart: quit this many seconds after the run ended (default: stay until Ctrl-C).")
    int autoquit;

    @Option(names = "--csv", paramLabel = "PREFIX", description = "Write PREFIX_stats.csv, _stats_history.csv, _failures.csv, _exceptions.csv.")
    String csvPrefix;

    @Option(names = "--csv-full-history", description = "Write every name to the stats history, not only Aggregated.")
    boolean csvFullHistory;

    @Option(names = "--only-summary", description = "Print only the final summary, no periodic table.")
    boolean onlySummary;

    @Option(names = "--live-interval", paramLabel = "TIME", defaultValue = "2s", description = "How often the live table prints (default ${DEFAULT-VALUE}).")
    String liveInterval;

    @Option(names = "--exit-code-on-error", paramLabel = "CODE", defaultValue = "1", description = "Exit code when any request failed (default ${DEFAULT-VALUE}).")
    int exitCodeOnError;

    @Option(names = {"-s", "--stop-timeout"}, paramLabel = "TIME", defaultValue = "5s",
            description = "How long users may take to finish their current task at the end (default ${DEFAULT-VALUE}).")
    String stopTimeout;

    @Option(names = {"-L", "--loglevel"}, paramLabel = "LEVEL", defaultValue = "INFO", description = "DEBUG, INFO, WARNING, ERROR or CRITICAL.")
    String logLevel;

    @Option(names = {"-T", "--tags"}, split = ",", paramLabel = "TAG", description = "Run only tasks with one of these tags.")
    List<String> tags = new ArrayList<>();

    @Option(names = {"-E", "--exclude-tags"}, split = ",", paramLabel = "TAG", description = "Leave out tasks with any of these tags.")
    List<String> excludeTags = new ArrayList<>();

    @Option(names = "--reset-stats", description = "Reset statistics once all users are running.")
    boolean resetStats;

    @Option(names = "--json", description = "Print the final statistics as JSON to standard output.")
    boolean json;

    @Option(names = "--json-file", paramLabel = "FILE", description = "Write the final statistics as JSON to FILE.")
    String jsonFile;

    @Option(names = {"-k", "--insecure"}, description = "Accept any TLS certificate (self-signed test servers).")
    boolean insecure;

    @Option(names = "--http2", description = "Speak HTTP/2: over TLS agreed by ALPN for https:// hosts, cleartext with prior"
            + " knowledge (h2c) for http:// ones; one connection per user, its concurrent requests as streams on it.")
    boolean http2;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "0",
            description = "Share a pool of N connections among all users (default: one keep-alive connection per user).")
    int maxConnections;

    @Option(names = "--connect-timeout", paramLabel = "TIME", defaultValue = "5s", description = "TCP connect timeout (default ${DEFAULT-VALUE}).")
    String connectTimeout;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "60s", description = "Response timeout per request (default ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--stages", paramLabel = "SPEC",
            description = "Ramp in stages, e.g. 2m:1000,5m:1000,2m:0 (users; with --arrival-rate, rates like 1m:500/s).")
    String stages;

    @Option(names = "--step-users", paramLabel = "N", description = "Step load: add N users every --step-time up to -u.")
    Integer stepUsers;

    @Option(names = "--step-time", paramLabel = "TIME", description = "Step load: how long each step lasts.")
    String stepTime;

    @Option(names = "--arrival-rate", paramLabel = "RATE",
            description = "Open model: start iterations at this rate (500/s, 30/m) however slow the server is.")
    String arrivalRate;

    @Option(names = "--pre-allocated-users", paramLabel = "N",
            description = "Arrival rate: users started before the first iteration (default 10).")
    Integer preAllocatedUsers;

    @Option(names = "--max-users", paramLabel = "N",
            description = "Arrival rate: the most users the pool may grow to; beyond, iterations are dropped (default 1000).")
    Integer maxUsers;

    @Option(names = "--max-delay", paramLabel = "TIME",
            description = "Arrival rate: an iteration that cannot start this late is dropped and counted (default 5s).")
    String maxDelay;

    @Option(names = "--transport", paramLabel = "NAME", defaultValue = "socket", hidden = true,
            description = "HTTP transport: socket (default) or jdk (java.net.http, for comparison in bench/).")
    String transport;

    @Option(names = "--threshold", paramLabel = "EXPR",
            description = "Pass/fail criterion, repeatable: p95<500ms, fail_ratio<0.01, rps>200, \"GET /path:p99<800ms\".")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--abort-on-threshold", description = "End the run as soon as a threshold fails (judged each second after 5 s).")
    boolean abortOnThreshold;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write thresholds (and failures) as JUnit XML for CI.")
    String junitFile;

    @Option(names = "--web-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Where the web UI and --metrics-port listen (default ${DEFAULT-VALUE}: this machine only).")
    String webHost;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics at http://HOST:PORT/metrics (in headless runs too; 0: any free port).")
    Integer metricsPort;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report of the run to FILE.")
    String htmlFile;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for the users' random choices, to repeat a run.")
    Long seed;
}
