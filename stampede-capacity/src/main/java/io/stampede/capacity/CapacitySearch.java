package io.stampede.capacity;

import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.run.LoadTarget;
import io.stampede.core.run.RunDriver;
import io.stampede.core.run.RunRequest;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Finds a system's capacity with one run on a {@link RunDriver}: the first step starts the run
 * (a constant load held until changed), each later step changes its load, each step is measured
 * after its warm-up, the {@link SearchPlanner} decides the next load, and the run is stopped at
 * the end, whatever happened. The driver's own outputs (console, CSV, web UI) see the run as any
 * other.
 *
 * <p>Each step's load is reached in the first half of its warm-up and the second half lets queues
 * settle. A step below the one before must not measure the backlog of the higher load: in the
 * closed model it waits, on top, for that step's p99 response time (at most a step); in the open
 * model it first pauses the arrivals until no request has completed for that long (at most two
 * steps), then starts from nothing. See {@link LoadModel#pausesToDrain()}.
 *
 * <p>Bounded twice: at most {@link SearchPlanner#maxSteps()} steps, and the run's plan ends by
 * itself after that many steps' time (with slack), should the search be stopped from outside.
 */
public final class CapacitySearch {
    /** Time a step may take beyond its own: the statistics' interval and the driver's queue. */
    static final Duration STEP_SLACK = Duration.ofSeconds(5);
    /** How long the stopped run may take to write its results (users finish their task first). */
    static final Duration STOP_WAIT = Duration.ofMinutes(2);

    private final RunDriver driver;
    private final SearchSettings settings;
    private final RunInfo info;
    private final Clock clock;
    private final Pause pause;
    private final Consumer<String> progress;
    private boolean used;
    /** The search's run, once started; then what measures its steps, and the load last set. */
    private CompletableFuture<RunResult> run;
    private StepMeter meter;
    private double previous;

    /**
     * @param driver a driver with no run on; the search starts and stops one run on it
     * @param info the run's host and user classes (its plan text is replaced by the search's)
     * @param clock the clock the driver's statistics are timed with
     * @param progress one line after each step (the CLI prints them)
     */
    public CapacitySearch(RunDriver driver, SearchSettings settings, RunInfo info, Clock clock, Pause pause,
                          Consumer<String> progress) {
        this.driver = driver;
        this.settings = settings;
        this.info = new RunInfo(info.host(), info.userClasses(), settings.description(), info.startEpochMillis());
        this.clock = clock;
        this.pause = pause;
        this.progress = progress;
    }

    public CapacitySearch(RunDriver driver, SearchSettings settings, RunInfo info, Consumer<String> progress) {
        this(driver, settings, info, Clock.SYSTEM, Pause.SLEEP, progress);
    }

    /**
     * Runs the search to its end and returns what it found.
     *
     * @throws IllegalStateException when a run is already on the driver
     * @throws InterruptedException when interrupted (the run is stopped first)
     */
    public CapacityReport run() throws InterruptedException {
        if (used) {
            throw new IllegalStateException("a search runs once: make another");
        }
        used = true;
        SearchPlanner planner = new SearchPlanner(settings);
        List<StepResult> steps = new ArrayList<>();
        String reason = null;
        try {
            for (int i = 0; i <= planner.maxSteps() && reason == null; i++) {
                switch (planner.next(steps)) {
                    case Decision.Finish f -> reason = f.reason();
                    case Decision.Measure m -> {
                        StepResult s = step(m, steps, planner);
                        if (s == null) {
                            reason = run.isDone() ? "the run ended before the search did: " + stopReasonOf(run)
                                    : "the run's statistics stopped coming";
                        } else {
                            steps.add(s);
                            progress.accept(line(s));
                        }
                    }
                }
            }
            if (reason == null) {
                reason = "the search ran its most steps (" + planner.maxSteps() + ")";
            }
        } finally {
            if (run != null) {
                driver.stop("capacity search finished");
            }
        }
        return CapacityReport.of(settings, steps, reason, run == null ? null : await(run));
    }

    /** Runs one step (starting the run at the first) and measures it; null when the run ended first. */
    private StepResult step(Decision.Measure m, List<StepResult> steps, SearchPlanner planner)
            throws InterruptedException {
        LoadModel model = settings.model();
        Duration warmup = settings.warmupTime();
        // the load moves in the warm-up's first half, and the second lets the queues settle: users that
        // log in when they start would otherwise still be waiting for the server when measuring begins
        Duration ramp = warmup.dividedBy(2);
        Duration settle = Duration.ZERO;
        long at;
        if (run == null) {
            at = clock.epochMillis();
            run = driver.start(new RunRequest(model.plan(m.load(), ramp, longest(planner)), info));
            CompletableFuture<RunResult> r = run;
            meter = new StepMeter(driver::latest, () -> !r.isDone(), clock, pause);
        } else {
            StepResult last = steps.get(steps.size() - 1);
            if (m.load() < last.load() && model.pausesToDrain()) {
                if (!change(model.target(previous, 0, Duration.ZERO))) {
                    return null;
                }
                meter.awaitDrained(drainTime(last), settings.stepTime().multipliedBy(2));
                previous = 0;
            } else if (m.load() < last.load()) {
                settle = drainTime(last);
            }
            at = clock.epochMillis();
            if (!change(model.target(previous, m.load(), ramp))) {
                return null;
            }
        }
        previous = m.load();
        StatsSnapshot measured = meter.measure(at, warmup.plus(settle), settings.stepTime().plus(settle),
                (int) Math.round(m.load()));
        return measured == null ? null : StepResult.of(m.kind(), m.load(), measured, settings.slos());
    }

    /** Gives the run its next load; false when it has ended (stopped from outside, say). */
    private boolean change(LoadTarget target) {
        try {
            driver.change(target);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * The run's own end, should the search never stop it: every step at its longest (a drain of up
     * to two steps, then the step), with slack.
     */
    private Duration longest(SearchPlanner planner) {
        return settings.stepTime().multipliedBy(3).plus(STEP_SLACK).multipliedBy(planner.maxSteps() + 1);
    }

    /**
     * How long what queued at the {@code last} step's load goes on completing, with its response
     * times: about its p99, at most a step.
     */
    private Duration drainTime(StepResult last) {
        Duration p99 = Duration.ofMillis(Math.round(last.p99Millis()));
        return p99.compareTo(settings.stepTime()) > 0 ? settings.stepTime() : p99;
    }

    private static RunResult await(CompletableFuture<RunResult> run) throws InterruptedException {
        try {
            return run.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null; // the report says the run sent nothing it could count; the driver has logged why
        }
    }

    private static String stopReasonOf(CompletableFuture<RunResult> run) {
        return run.isCompletedExceptionally() ? "it failed" : run.join().stopReason();
    }

    private String line(StepResult s) {
        return String.format(Locale.ROOT, "%-7s %s: %.2f req/s, avg %.0f ms, p95 %.0f ms, %.2f%% failed; %s",
                s.kind().label(), settings.model().format(s.load()), s.rps(), s.avgMillis(), s.p95Millis(),
                s.failRatio() * 100, settings.slos().isEmpty() ? "no SLOs" : s.slosMet() ? "SLOs met" : "SLO broken");
    }
}
