package io.stampede.core.run;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.plan.LoadStep;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import io.stampede.core.threshold.Threshold;
import io.stampede.core.threshold.ThresholdResult;

/**
 * Drives one run: applies the plan's steps (or asks its shape) on time, hands a snapshot to every
 * output each report interval, keeps per-phase statistics, and at the end (plan over, or
 * {@link #requestStop}) stops the users and gives the outputs the final, complete statistics.
 */
public final class LocalRun {
    private final LoadController controller;
    private final List<Output> outputs;
    private final LoadPlan plan;
    private final Clock clock;
    private final Duration reportInterval;
    private final Runnable onRampComplete;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final List<RunResult.Phase> phases = new ArrayList<>();
    private volatile String stopReason;
    private StatsSnapshot phaseStart;
    private String phaseName;
    private int phaseUsers;
    private LoadStep lastShapeStep;
    private List<Threshold> thresholds = List.of();
    private boolean abortOnThreshold;
    private Supplier<StatsSnapshot> uncorrected = () -> null;
    private Supplier<ArrivalStats> arrival = () -> null;

    /**
     * @param onRampComplete called once when the first step's users are all running (for --reset-stats)
     */
    public LocalRun(LoadController controller, List<Output> outputs, LoadPlan plan, Clock clock,
                    Duration reportInterval, Runnable onRampComplete) {
        this.controller = controller;
        this.outputs = List.copyOf(outputs);
        this.plan = plan;
        this.clock = clock;
        this.reportInterval = reportInterval;
        this.onRampComplete = onRampComplete;
    }

    /**
     * Thresholds to evaluate at the end; with {@code abortOnFail}, also each second once the run has
     * gone on for {@link #ABORT_GRACE}, ending the run as soon as one fails.
     */
    public LocalRun thresholds(List<Threshold> list, boolean abortOnFail) {
        this.thresholds = List.copyOf(list);
        this.abortOnThreshold = abortOnFail;
        return this;
    }

    /** For arrival-rate runs: where the uncorrected statistics and the schedule's figures come from. */
    public LocalRun arrival(Supplier<StatsSnapshot> uncorrectedStats, Supplier<ArrivalStats> arrivalStats) {
        this.uncorrected = uncorrectedStats;
        this.arrival = arrivalStats;
        return this;
    }

    /** Thresholds are not judged on the first seconds of a run, when a handful of samples decide everything. */
    static final Duration ABORT_GRACE = Duration.ofSeconds(5);

    /** Ends the run early (Ctrl-C, a threshold, the web UI); the final statistics are still written. */
    public void requestStop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        stop.countDown();
    }

    /** Runs the plan to its end and returns the result after every output has finished. */
    public RunResult run(RunInfo info) throws Exception {
        for (Output o : outputs) {
            o.start(info);
        }
        long start = clock.nanoTime();
        long end = plan.duration() == null ? Long.MAX_VALUE : start + plan.duration().toNanos();
        long nextReport = start + reportInterval.toNanos();
        int nextStep = 0;
        boolean rampReported = plan.steps().isEmpty();
        int users = 0;
        while (true) {
            long now = clock.nanoTime();
            while (nextStep < plan.steps().size() && start + plan.steps().get(nextStep).at().toNanos() <= now) {
                apply(plan.steps().get(nextStep++));
            }
            if (plan.shape() != null && !askShape(Duration.ofNanos(now - start))) {
                requestStop("load shape ended");
            }
            if (now >= end) {
                requestStop("run time reached");
            }
            if (now >= nextReport) {
                StatsSnapshot s = controller.snapshot();
                users = s.users();
                for (Output o : outputs) {
                    o.onSnapshot(s);
                }
                nextReport += reportInterval.toNanos();
                if (abortOnThreshold && now - start >= ABORT_GRACE.toNanos()) {
                    thresholds.stream().map(t -> t.evaluate(s)).filter(r -> !r.passed()).findFirst()
                            .ifPresent(r -> requestStop("threshold failed: " + r.threshold().expression()
                                    + " (was " + r.actualText() + ")"));
                }
                if (!rampReported && users >= plan.steps().get(0).users()) {
                    rampReported = true;
                    onRampComplete.run();
                }
            }
            long wake = Math.min(Math.min(end, nextReport),
                    nextStep < plan.steps().size() ? start + plan.steps().get(nextStep).at().toNanos() : Long.MAX_VALUE);
            if (stop.await(Math.max(0, wake - clock.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
        }
        users = Math.max(users, controller.runningUsers());
        controller.stopAll();
        StatsSnapshot last = controller.snapshot().withUsers(users);
        closePhase(last);
        List<ThresholdResult> judged = thresholds.stream().map(t -> t.evaluate(last)).toList();
        RunResult result = new RunResult(last, stopReason, phases, judged, uncorrected.get(), arrival.get());
        finish(result);
        return result;
    }

    private void apply(LoadStep step) {
        if (step.phase() != null) {
            StatsSnapshot now = controller.snapshot();
            closePhase(now);
            phaseStart = now;
            phaseName = step.phase();
            phaseUsers = step.users();
        }
        controller.setUsers(step.users(), step.spawnRate(), step.userClasses());
    }

    /** False when the shape ended the run. */
    private boolean askShape(Duration elapsed) {
        LoadStep step = plan.shape().at(elapsed);
        if (step == null) {
            return false;
        }
        if (lastShapeStep == null || step.users() != lastShapeStep.users() || step.spawnRate() != lastShapeStep.spawnRate()
                || !java.util.Objects.equals(step.userClasses(), lastShapeStep.userClasses())) {
            try {
                apply(step);
            } catch (IllegalArgumentException e) {
                requestStop("load shape asked for what cannot run: " + e.getMessage());
                return true;
            }
            lastShapeStep = step;
        }
        return true;
    }

    private void closePhase(StatsSnapshot now) {
        if (phaseName != null) {
            phases.add(new RunResult.Phase(phaseName, phaseUsers, now.minus(phaseStart, phaseUsers)));
            phaseName = null;
        }
    }

    private void finish(RunResult result) throws Exception {
        List<Exception> failures = new ArrayList<>();
        for (Output o : outputs) {
            try {
                o.finish(result);
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
