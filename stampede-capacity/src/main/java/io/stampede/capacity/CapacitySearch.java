package io.stampede.capacity;

import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
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
 * settle. A step below the one before waits, on top, for that step's p99 response time (at most a
 * step): requests queued at the higher load are still completing, slowly, that long after.
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
        SearchPlanner planner = new SearchPlanner(settings);
        List<StepResult> steps = new ArrayList<>();
        Duration warmup = settings.warmupTime();
        // the load moves in the warm-up's first half, and the second lets the queues settle: users that
        // log in when they start would otherwise still be waiting for the server when measuring begins
        Duration ramp = warmup.dividedBy(2);
        CompletableFuture<RunResult> run = null;
        String reason = null;
        try {
            StepMeter meter = null;
            double previous = 0;
            for (int i = 0; i <= planner.maxSteps() && reason == null; i++) {
                Decision d = planner.next(steps);
                if (d instanceof Decision.Finish f) {
                    reason = f.reason();
                    break;
                }
                Decision.Measure m = (Decision.Measure) d;
                long at = clock.epochMillis();
                if (run == null) {
                    Duration bound = longest(planner);
                    run = driver.start(new RunRequest(settings.model().plan(m.load(), ramp, bound), info));
                    CompletableFuture<RunResult> r = run;
                    meter = new StepMeter(driver::latest, () -> !r.isDone(), clock, pause);
                } else {
                    driver.change(settings.model().target(previous, m.load(), ramp));
                }
                Duration settle = settle(steps, m.load());
                previous = m.load();
                StatsSnapshot measured = meter.measure(at, warmup.plus(settle), settings.stepTime().plus(settle),
                        (int) Math.round(m.load()));
                if (measured == null) {
                    reason = run.isDone() ? "the run ended before the search did: " + stopReasonOf(run)
                            : "the run's statistics stopped coming";
                    break;
                }
                StepResult s = StepResult.of(m.kind(), m.load(), measured, settings.slos());
                steps.add(s);
                progress.accept(line(s));
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

    /** The run's own end, should the search never stop it: every step at its longest, with slack. */
    private Duration longest(SearchPlanner planner) {
        return settings.stepTime().multipliedBy(2).plus(STEP_SLACK).multipliedBy(planner.maxSteps() + 1);
    }

    /**
     * Extra warm-up for a step below the one before: requests queued at the higher load keep
     * completing, with its response times, for about its p99 after the change. At most a step.
     */
    private Duration settle(List<StepResult> steps, double load) {
        if (steps.isEmpty() || steps.get(steps.size() - 1).load() <= load) {
            return Duration.ZERO;
        }
        Duration p99 = Duration.ofMillis(Math.round(steps.get(steps.size() - 1).p99Millis()));
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
