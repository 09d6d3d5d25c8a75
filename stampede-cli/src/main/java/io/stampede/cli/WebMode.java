package io.stampede.cli;

import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.run.RunDriver;
import io.stampede.core.run.RunRequest;
import io.stampede.web.DriverWebControl;
import io.stampede.web.PortInUseException;
import io.stampede.web.WebOutput;
import io.stampede.web.WebServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A run without --headless: the web UI serves the page and Locust's REST endpoints, and runs start
 * from there (or at once with --autostart). The process stays until Ctrl-C, or --autoquit seconds
 * after the autostarted run ended.
 */
final class WebMode {
    private final RunOptions options;
    private final ProcessContext process;
    private final RunCommand command;
    private final CountDownLatch quit = new CountDownLatch(1);

    WebMode(RunOptions options, ProcessContext process, RunCommand command) {
        this.options = options;
        this.process = process;
        this.command = command;
    }

    /** Ctrl-C: the run on (if any) stops and writes its results, then the process leaves. */
    void quit() {
        quit.countDown();
    }

    /** Checks the web flags before anything starts. */
    static void checkFlags(RunOptions o) throws UserError {
        if (o.webPort < 0 || o.webPort > 65535) {
            throw new UserError(ExitCodes.USAGE, "--web-port must be a port from 0 to 65535, was " + o.webPort);
        }
        if (o.webAuth != null && o.webAuth.indexOf(':') <= 0) {
            throw new UserError(ExitCodes.USAGE, "--web-auth must be user:password");
        }
        if (o.autoquit >= 0 && !o.autostart) {
            throw new UserError(ExitCodes.USAGE, "--autoquit needs --autostart (it counts from the end of that run)");
        }
        if (o.autostart && o.host == null) {
            throw new UserError(ExitCodes.USAGE, "--autostart needs a target: give one with -H http://host:port");
        }
    }

    /**
     * Serves the page until told to quit; returns the exit code of the last run that ended (0 when
     * none did).
     *
     * @param config the run configuration (its plan is the autostarted run's; the page starts constant runs)
     * @param metrics the text of /metrics
     */
    int serve(RunDriver driver, RunConfig config, List<String> userClasses, SwitchableSessions sessions, WebOutput web,
              Supplier<String> metrics, Supplier<String> htmlReport) throws Exception {
        URI[] host = {config.host()};
        DriverWebControl control = new DriverWebControl(driver, (users, spawnRate, target, runTime) -> {
            URI uri = URI.create(target.endsWith("/") ? target.substring(0, target.length() - 1) : target);
            if (!uri.equals(host[0])) {
                try {
                    HostCheck.reachable(uri, config.connectTimeout());
                    sessions.switchTo(command.transport(uri, config));
                } catch (UserError e) {
                    throw new IllegalArgumentException(e.getMessage());
                }
                host[0] = uri;
            }
            LoadPlan plan = LoadPlan.constant(users, spawnRate, runTime);
            RunInfo info = new RunInfo(uri.toString(), userClasses, plan.description(), System.currentTimeMillis());
            return new RunRequest(plan, info, config.thresholds(), options.abortOnThreshold, false);
        }, config.host() == null ? null : config.host().toString(), userClasses);
        if (!isLoopback(options.webHost) && options.webAuth == null) {
            process.err().println("stampede: warning: the web UI listens on " + options.webHost
                    + " without --web-auth: anyone who reaches this port can start load from this machine");
        }
        try (WebServer server = start(control, web, metrics, htmlReport)) {
            process.err().println("stampede: web UI at " + server.url() + " (Ctrl-C to quit)");
            CompletableFuture<RunResult> autostarted = null;
            if (options.autostart) {
                RunInfo info = new RunInfo(config.host().toString(), userClasses, config.plan().description(),
                        System.currentTimeMillis());
                // the page shows and drives the plan the flags gave (stages, steps, an arrival rate too)
                autostarted = control.start(new RunRequest(config.plan(), info, config.thresholds(),
                        options.abortOnThreshold, options.resetStats), config.mostUsers());
            }
            if (autostarted != null && options.autoquit >= 0) {
                awaitQuitOr(autostarted);
                if (quit.getCount() > 0) {
                    quit.await(options.autoquit, TimeUnit.SECONDS);
                }
            } else {
                quit.await();
            }
            driver.stop("interrupted");
            CompletableFuture<RunResult> last = control.currentRun() != null ? control.currentRun() : autostarted;
            return last == null ? ExitCodes.OK : exitCodeOf(last);
        }
    }

    private WebServer start(DriverWebControl control, WebOutput web, Supplier<String> metrics, Supplier<String> htmlReport)
            throws UserError {
        try {
            return WebServer.start(options.webHost, options.webPort, options.webAuth, control, web, metrics, htmlReport);
        } catch (PortInUseException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        }
    }

    private void awaitQuitOr(CompletableFuture<RunResult> run) throws InterruptedException {
        while (!run.isDone() && quit.getCount() > 0) {
            quit.await(100, TimeUnit.MILLISECONDS);
        }
    }

    /** The exit code of a run once it has written its results (waits for it: Ctrl-C has stopped it). */
    private int exitCodeOf(CompletableFuture<RunResult> run) throws Exception {
        try {
            return command.exitCode(run.get(2, TimeUnit.MINUTES));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

}
