package io.stampede.cli;

import io.stampede.core.output.Output;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code stampede} command. Exit codes are listed in {@link ExitCodes} and the README. */
@Command(name = "stampede", mixinStandardHelpOptions = true,
        subcommands = {CapacityCommand.class, HistoryCommand.class, CompareCommand.class, ReportCommand.class,
                ConvertCommand.class}, versionProvider = Main.VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Load-test an HTTP API with users written as plain Java.%n"
                + "Example: stampede -f ShopUser.java -H http://127.0.0.1:8080 -u 50 -r 10 -t 1m --headless --csv out/run")
public final class Main implements Callable<Integer> {
    @Mixin
    RunOptions options;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    StoreOption store;

    private ProcessContext process;
    private List<Output> extraOutputs = List.of();
    private volatile RunCommand running;
    private volatile WorkerCommand worker;
    /** The one line a bad flag or a user error printed, for callers that run the command in-process ({@link Stampede}). */
    private volatile String errorLine;

    public static void main(String[] args) {
        ProcessContext process = ProcessContext.system();
        Main main = new Main();
        Thread hook = new Thread(() -> main.interrupt(Duration.ofSeconds(30)), "stampede-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        int code = main.execute(args, process);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Ctrl-C arrived: the hook is waiting for the results we just wrote
        }
        System.exit(code);
    }

    /** Runs the command in this process and returns its exit code (tests call this). */
    public int execute(String[] args, ProcessContext process) {
        return execute(args, process, List.of());
    }

    /** As {@link #execute(String[], ProcessContext)}, with outputs besides those the flags ask for (tests). */
    int execute(String[] args, ProcessContext process, List<Output> extraOutputs) {
        this.process = process;
        this.extraOutputs = List.copyOf(extraOutputs);
        CommandLine cli = new CommandLine(this);
        // Later flags win, so "bin/stampede demo -u 500" overrides the demo's default -u.
        cli.setOverwrittenOptionsAllowed(true);
        cli.setOut(new java.io.PrintWriter(process.out(), true));
        cli.setErr(new java.io.PrintWriter(process.err(), true));
        cli.setParameterExceptionHandler((e, a) -> {
            errorLine = "stampede: " + e.getMessage() + " (see stampede --help)";
            process.err().println(errorLine);
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof UserError u) {
                errorLine = "stampede: " + u.getMessage();
                process.err().println(errorLine);
                return u.exitCode();
            }
            errorLine = "stampede: internal error: " + e;
            process.err().println(errorLine);
            e.printStackTrace(process.err());
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (cluster.worker) {
            if (cluster.master) {
                throw new UserError(ExitCodes.USAGE, "--master and --worker: one process is one or the other");
            }
            worker = new WorkerCommand(cluster, process);
            return worker.call();
        }
        running = new RunCommand(options, cluster, store, process, extraOutputs);
        return running.call();
    }

    /** The line the last bad flag or user error printed, or null. */
    String errorLine() {
        return errorLine;
    }

    /** The process's streams and environment, for the subcommands. */
    ProcessContext process() {
        return process;
    }

    void interrupt(Duration maxWait) {
        WorkerCommand w = worker;
        if (w != null) {
            w.interrupt();
        }
        RunCommand r = running;
        if (r != null) {
            r.interrupt(maxWait);
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"stampede " + Version.VERSION + " (Java " + Runtime.version() + ")"};
        }
    }
}
