package io.stampede.cli;

import java.time.Duration;
import java.util.List;
import picocli.CommandLine;

/**
 * The chart's container arguments read by the stampede command's own picocli spec and checked by
 * its own flag validation ({@link RunConfig#fromFlags}), without starting anything. It lives in the
 * CLI's package to reach that validation; it is only on this module's test classpath.
 */
public final class CliArgs {
    private CliArgs() {
    }

    /** What a master's arguments ask for, once the CLI has accepted them. */
    public record Master(String file, String host, Integer users, Double spawnRate, Duration runTime, int expectWorkers,
                         Duration expectWorkersMaxWait, int bindPort, boolean headless, boolean autostart, int webPort,
                         String webHost, Integer metricsPort, List<String> userClasses) {
    }

    /** What a worker's arguments ask for. */
    public record Worker(String masterHost, int masterPort, int capacity) {
    }

    /** Parses and validates; throws IllegalArgumentException with the CLI's own message when it would refuse them. */
    public static Master master(List<String> args) {
        Main main = parse(args);
        if (!main.cluster.master || main.cluster.worker) {
            throw new IllegalArgumentException("not a master's arguments: " + args);
        }
        try {
            RunConfig config = RunConfig.fromFlags(main.options);
            Duration wait = RunConfig.duration("--expect-workers-max-wait", main.cluster.expectWorkersMaxWait);
            if (main.cluster.expectWorkers < 1) {
                throw new IllegalArgumentException("--expect-workers must be 1 or more: " + args);
            }
            RunOptions o = main.options;
            return new Master(o.file, config.host() == null ? null : config.host().toString(), o.users, o.spawnRate,
                    config.runTime(), main.cluster.expectWorkers, wait, main.cluster.masterBindPort, o.headless,
                    o.autostart, o.webPort, o.webHost, o.metricsPort, List.copyOf(o.userClasses));
        } catch (UserError e) {
            throw new IllegalArgumentException("stampede would refuse " + args + ": " + e.getMessage(), e);
        }
    }

    public static Worker worker(List<String> args) {
        Main main = parse(args);
        if (!main.cluster.worker || main.cluster.master) {
            throw new IllegalArgumentException("not a worker's arguments: " + args);
        }
        return new Worker(main.cluster.masterHost, main.cluster.masterPort, main.cluster.capacity);
    }

    private static Main parse(List<String> args) {
        Main main = new Main();
        try {
            // as strict as Main.execute, except that a flag given twice is refused here: the chart has no reason to
            new CommandLine(main).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException("stampede would refuse " + args + ": " + e.getMessage(), e);
        }
        return main;
    }
}
