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
        RunResult result = new RunResult(last, stopReason, phases);
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
        controller.setUsers(step.users(), step.spawnRate());
    }

    /** False when the shape ended the run. */
    private boolean askShape(Duration elapsed) {
        LoadStep step = plan.shape().at(elapsed);
        if (step == null) {
            return false;
        }
        if (lastShapeStep == null || step.users() != lastShapeStep.users() || step.spawnRate() != lastShapeStep.spawnRate()) {
            apply(step);
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
