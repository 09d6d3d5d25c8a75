package io.stampede.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stampede.capacity.CapacityReport;
import io.stampede.capacity.CapacitySearch;
import io.stampede.capacity.Growth;
import io.stampede.capacity.LoadModel;
import io.stampede.capacity.SearchSettings;
import io.stampede.core.output.RunInfo;
import io.stampede.core.plan.ArrivalPlan;
import io.stampede.core.run.Engine;
import io.stampede.core.run.EngineSettings;
import io.stampede.core.run.LoadTarget;
import io.stampede.core.run.RunDriver;
import io.stampede.core.spec.ScenarioException;
import io.stampede.core.spec.SpecReader;
import io.stampede.core.spec.TagFilter;
import io.stampede.core.spec.UserSpec;
import io.stampede.core.threshold.Threshold;
import io.stampede.core.time.Clock;
import io.stampede.http.HttpClientConfig;
import io.stampede.http.SocketSessionFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stampede capacity}: steps the load up by itself until an SLO breaks or throughput stops
 * growing, narrows in between the last good and the first bad step, and reports the table and the
 * highest load that met every SLO (docs/capacity.md).
 */
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = "Find the highest load that meets the SLOs, and where throughput stops growing.")
final class CapacityCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = {"-f", "--locustfile", "--file"}, required = true, paramLabel = "FILE", description = "The scenario.")
    String file;

    @Option(names = {"-H", "--host"}, required = true, paramLabel = "URL", description = "The target's base URL.")
    String host;

    @Option(names = "--slo", paramLabel = "EXPR", description = "A criterion every good step meets, repeatable: p95<500ms, fail_ratio<0.01.")
    List<String> slos = new ArrayList<>();

    @Option(names = "--open", description = "Step an arrival rate (iterations/s) instead of users.")
    boolean open;

    @Option(names = "--start", paramLabel = "N", defaultValue = "10", description = "The first step's users (or rate) (default ${DEFAULT-VALUE}).")
    double start;

    @Option(names = "--factor", paramLabel = "F", defaultValue = "2", description = "Each exploring step multiplies the load by F (default ${DEFAULT-VALUE}).")
    double factor;

    @Option(names = "--step-time", paramLabel = "TIME", defaultValue = "30s", description = "How long each step runs (default ${DEFAULT-VALUE}; the first 20%% is warm-up).")
    String stepTime;

    @Option(names = "--max", paramLabel = "N", defaultValue = "10000", description = "The most users (or the highest rate) to try (default ${DEFAULT-VALUE}).")
    double max;

    @Option(names = "--max-users", paramLabel = "N", defaultValue = "1000", description = "--open: the most users the pool may grow to (default ${DEFAULT-VALUE}).")
    int maxUsers;

    @Option(names = "--json-file", paramLabel = "FILE", description = "Write the report as JSON to FILE.")
    String jsonFile;

    @Option(names = {"-k", "--insecure"}, description = "Accept any TLS certificate.")
    boolean insecure;

    @Override
    public Integer call() throws Exception {
        ProcessContext p = main.process();
        SearchSettings settings = settings();
        URI target = URI.create(host.endsWith("/") ? host.substring(0, host.length() - 1) : host);
        if (!("http".equals(target.getScheme()) || "https".equals(target.getScheme())) || target.getHost() == null) {
            throw new UserError(ExitCodes.USAGE, "-H/--host must be an http:// or https:// URL with a host, was " + host);
        }
        List<Class<?>> classes = ScenarioLoader.load(file, null, CompileCache.fromEnvironment(p.env()));
        List<UserSpec> specs;
        try {
            specs = new SpecReader(TagFilter.NONE).read(classes);
        } catch (ScenarioException e) {
            throw new UserError(ExitCodes.USAGE, "scenario " + file + ": " + String.join("; ", e.problems()));
        }
        Duration connect = Duration.ofSeconds(5);
        HostCheck.reachable(target, connect);
        HttpClientConfig http = new HttpClientConfig(target, connect, Duration.ofSeconds(60), insecure, 0,
                "stampede/" + Version.VERSION);
        EngineSettings engineSettings = new EngineSettings(Duration.ofSeconds(5), System.nanoTime(), p.nodeName());
        CapacityReport report;
        try (Engine engine = new Engine(specs, new SocketSessionFactory(http), engineSettings, Clock.SYSTEM, n -> { });
             RunDriver driver = new RunDriver(engine, List.of(), Clock.SYSTEM, RunCommand.STATS_INTERVAL,
                     line -> p.err().println("stampede: " + line))) {
            RunInfo info = new RunInfo(target.toString(), engine.userClasses(), "capacity search", System.currentTimeMillis());
            report = new CapacitySearch(driver, settings, info, line -> p.err().println("stampede: " + line)).run();
        }
        p.out().print(report.render());
        if (jsonFile != null) {
            Path out = Outputs.withParent(jsonFile);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        }
        return ExitCodes.OK;
    }

    private SearchSettings settings() throws UserError {
        List<Threshold> parsed = new ArrayList<>();
        for (String s : slos) {
            try {
                parsed.add(Threshold.parse(s));
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCodes.USAGE, "--slo: " + e.getMessage());
            }
        }
        if (!(start > 0) || !(max >= start) || !(factor > 1)) {
            throw new UserError(ExitCodes.USAGE, "need --start > 0, --max >= --start and --factor > 1");
        }
        LoadModel model = open
                ? new LoadModel.Open(new LoadTarget.ArrivalPool(Math.min(10, maxUsers), maxUsers, ArrivalPlan.DEFAULT_MAX_DELAY))
                : new LoadModel.Closed();
        try {
            return new SearchSettings(model, start, RunConfig.duration("--step-time", stepTime), max, parsed)
                    .withGrowth(new Growth.Factor(factor));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        }
    }
}
