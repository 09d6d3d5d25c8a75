package io.stampede.core.run;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunResult;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.StatsFold;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.threshold.Threshold;
import io.stampede.core.threshold.ThresholdResult;
import io.stampede.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Drives runs on a {@link LoadController}, whoever gives the orders: the CLI, the web page, a test,
 * a master. Orders are queued and carried out by the driver's one thread, in order, so a plan's
 * steps and outside commands never race. Each interval it takes what the controller measured,
 * folds it into the run's cumulative statistics and hands both to every output.
 *
 * <p>The rule for plans and outside commands: a plan's steps (and its shape) are followed until an
 * outside {@link #change} arrives; from then on that run follows only outside changes, and the plan's
 * run time still ends it. The next {@link #start} follows its own plan again.
 */
public final class RunDriver implements AutoCloseable {
    /** Thresholds are not judged on the first seconds of a run, when a handful of samples decide everything. */
    public static final Duration ABORT_GRACE = Duration.ofSeconds(5);

    private final LoadController controller;
    private final OutputGuard outputs;
    private final Clock clock;
    private final long intervalNanos;
    private final Consumer<String> log;
    private final LinkedBlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final List<String> outputFailures = new ArrayList<>();
    private volatile RunState state = RunState.READY;
    private volatile StatsSnapshot latest;
    private volatile LoadTarget target;
    private volatile boolean closed;
    private boolean startPending;
    private Run run;

    /** Orders, carried out in the order given. */
    private sealed interface Command {
    }

    private record Start(RunRequest request, CompletableFuture<RunResult> result) implements Command {
    }

    private record Change(LoadTarget target) implements Command {
    }

    private record Stop(String reason) implements Command {
    }

    private record ResetStats() implements Command {
    }

    private record Shutdown() implements Command {
    }

    /**
     * @param interval how often statistics are taken and handed to the outputs (a second, usually)
     * @param log where the driver says what went wrong with an output
     */
    public RunDriver(LoadController controller, List<Output> outputs, Clock clock, Duration interval,
                     Consumer<String> log) {
        this.controller = controller;
        this.outputs = new OutputGuard(outputs, log);
        this.clock = clock;
        this.intervalNanos = interval.toNanos();
        this.log = log;
        this.latest = StatsSnapshot.empty(clock.epochMillis());
        this.thread = Thread.ofPlatform().name("stampede-driver").daemon().start(this::loop);
    }

    /**
     * Starts a run; the future completes when it has stopped and every output has finished.
     *
     * @throws IllegalStateException when a run is on (stop it first)
     */
    public synchronized CompletableFuture<RunResult> start(RunRequest request) {
        Objects.requireNonNull(request);
        if (closed || startPending || state.active()) {
            throw new IllegalStateException(closed ? "the driver is closed" : "a run is on: stop it before starting another");
        }
        startPending = true;
        CompletableFuture<RunResult> result = new CompletableFuture<>();
        commands.add(new Start(request, result));
        return result;
    }

    /**
     * Changes the running load (users and spawn rate, or the rate of an arrival run); from now on the
     * plan's steps no longer apply to this run.
     *
     * @throws IllegalStateException when no run is on
     * @throws IllegalArgumentException when the controller cannot run the target (nothing changes)
     */
    public synchronized void change(LoadTarget target) {
        if (!(startPending || state == RunState.SPAWNING || state == RunState.RUNNING)) {
            throw new IllegalStateException("no run is on to change");
        }
        controller.check(target);
        commands.add(new Change(target));
    }

    /** Ends the run early (Ctrl-C, a threshold, the web page); its final statistics are still written. */
    public void stop(String reason) {
        commands.add(new Stop(reason));
    }

    /** Forgets what was measured so far in this run and counts again from now (Locust's reset stats). */
    public void resetStats() {
        commands.add(new ResetStats());
    }

    public RunState state() {
        return state;
    }

    /** The cumulative statistics as of the last interval (of the current run, or of the last one). */
    public StatsSnapshot latest() {
        return latest;
    }

    /** The target given to the controller last (by the plan or an outside change); null before any. */
    public LoadTarget target() {
        return target;
    }

    /** Lines naming the outputs that could not finish, over every run so far. */
    public synchronized List<String> outputFailures() {
        return List.copyOf(outputFailures);
    }

    /** Stops a run that is on (its result is still written), and ends the driver's thread. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        commands.add(new Stop("shut down"));
        commands.add(new Shutdown());
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        try {
            while (true) {
                Command c = run == null ? commands.take()
                        : commands.poll(Math.max(0, run.nextWake() - clock.nanoTime()), TimeUnit.NANOSECONDS);
                if (c instanceof Shutdown) {
                    return;
                }
                if (c != null) {
                    handle(c);
                }
                if (run != null) {
                    run.advance(clock.nanoTime());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(Command c) {
        switch (c) {
            case Start s -> begin(s);
            case Change ch -> {
                if (run != null) {
                    run.change(ch.target());
                }
            }
            case Stop s -> {
                if (run != null) {
                    run.end(s.reason());
                }
            }
            case ResetStats r -> {
                if (run != null) {
                    run.resetStats();
                } else {
                    latest = StatsSnapshot.empty(clock.epochMillis());
                }
            }
            case Shutdown s -> { }
        }
    }

    private void begin(Start s) {
        Run r = new Run(s.request(), s.result());
        synchronized (this) {
            startPending = false;
            run = r;
            state = RunState.SPAWNING;
        }
        r.begin();
    }

    /** One run, from start to its result; only the driver's thread touches it. */
    private final class Run {
        private final RunRequest request;
        private final CompletableFuture<RunResult> result;
        private final PlanTimeline timeline;
        private final StatsFold fold;
        private final StatsFold uncorrected;
        private final List<RunResult.Phase> phases = new ArrayList<>();
        private final long startNanos;
        private final long endNanos;
        private long nextReport;
        /** A shape is asked at the start and then each interval. */
        private long nextShape;
        private int nextStep;
        private boolean overridden;
        private boolean rampPending;
        private int rampUsers;
        private ArrivalStats arrival;
        private boolean open;
        private String stopReason;
        private StatsSnapshot phaseStart;
        private String phaseName;
        private int phaseUsers;
        private LoadTarget shapeTarget;

        Run(RunRequest request, CompletableFuture<RunResult> result) {
            this.request = request;
            this.result = result;
            this.timeline = PlanTimeline.of(request.plan());
            this.startNanos = clock.nanoTime();
            long start = clock.epochMillis();
            this.fold = new StatsFold(start);
            this.uncorrected = new StatsFold(start);
            Duration d = timeline.duration();
            this.endNanos = d == null ? Long.MAX_VALUE : startNanos + d.toNanos();
            this.nextReport = startNanos + intervalNanos;
            this.nextShape = startNanos;
            this.rampPending = request.resetStatsAfterRamp() && request.plan() instanceof LoadPlan p && !p.steps().isEmpty();
            this.rampUsers = rampPending ? ((LoadPlan) request.plan()).steps().get(0).users() : 0;
        }

        void begin() {
            latest = fold.snapshot();
            outputs.start(request.info());
            advance(clock.nanoTime());
        }

        long nextWake() {
            long wake = Math.min(endNanos, nextReport);
            if (!overridden && timeline.shape() != null) {
                wake = Math.min(wake, nextShape);
            }
            if (!overridden && nextStep < timeline.steps().size()) {
                wake = Math.min(wake, startNanos + timeline.steps().get(nextStep).at().toNanos());
            }
            return wake;
        }

        void advance(long now) {
            if (stopReason != null) {
                return;
            }
            // the report first: a phase that opens at the same moment then starts from its exact figures
            if (!overridden && timeline.shape() != null && now >= nextShape && now < endNanos) {
                if (!askShape(Duration.ofNanos(now - startNanos))) {
                    end(stopReason != null ? stopReason : "load shape ended");
                    return;
                }
                nextShape = Math.max(nextShape + intervalNanos, now + 1);
            }
            if (now >= nextReport && now < endNanos) {
                report();
                // a late wake-up skips the reports it missed rather than sending them in a burst
                nextReport = Math.max(nextReport + intervalNanos, now + 1);
            }
            while (!overridden && nextStep < timeline.steps().size()
                    && startNanos + timeline.steps().get(nextStep).at().toNanos() <= now) {
                PlanTimeline.Step step = timeline.steps().get(nextStep++);
                apply(step.target(), startNanos + step.at().toNanos(), step.phase());
            }
            if (now >= endNanos) {
                end("run time reached");
                return;
            }
            if (stopReason == null) {
                state = controller.settled() ? RunState.RUNNING : RunState.SPAWNING;
            }
        }

        void change(LoadTarget target) {
            if (stopReason != null) {
                return;
            }
            overridden = true;
            try {
                apply(target, clock.nanoTime(), null);
            } catch (IllegalArgumentException e) {
                log.accept("change refused: " + e.getMessage());
            }
        }

        private void apply(LoadTarget target, long atNanos, String phase) {
            if (phase != null) {
                StatsSnapshot now = boundary();
                closePhase(now);
                phaseStart = now;
                phaseName = phase;
                phaseUsers = target instanceof LoadTarget.Users u ? u.users() : 0;
            }
            open = target instanceof LoadTarget.Rate;
            controller.apply(target, atNanos);
            RunDriver.this.target = target;
        }

        /** False when the shape ended the run. */
        private boolean askShape(Duration elapsed) {
            var step = timeline.shape().at(elapsed);
            if (step == null) {
                return false;
            }
            LoadTarget target = PlanTimeline.users(step);
            if (!target.equals(shapeTarget)) {
                try {
                    apply(target, clock.nanoTime(), step.phase());
                } catch (IllegalArgumentException e) {
                    stopReason = "load shape asked for what cannot run: " + e.getMessage();
                    return false;
                }
                shapeTarget = target;
            }
            return true;
        }

        private void report() {
            StatsSnapshot s = take();
            outputs.interval(lastInterval, s, open ? arrival : null, open ? uncorrected.snapshot() : null);
            judgeForAbort(s);
            if (rampPending && controller.settled() && s.users() >= rampUsers) {
                rampPending = false;
                resetStats();
            }
        }

        private StatsInterval lastInterval;
        private long lastTakeNanos = Long.MIN_VALUE;

        /** The statistics as of now: those just taken, or a fresh measurement (handed on like any interval). */
        private StatsSnapshot boundary() {
            if (clock.nanoTime() - lastTakeNanos < TimeUnit.MILLISECONDS.toNanos(1)) {
                return fold.snapshot();
            }
            StatsSnapshot s = take();
            outputs.interval(lastInterval, null);
            return s;
        }

        /** Takes the controller's interval and folds it in; returns the cumulative snapshot. */
        private StatsSnapshot take() {
            Measurement m = controller.measure();
            lastTakeNanos = clock.nanoTime();
            lastInterval = m.stats();
            StatsSnapshot s = fold.add(m.stats());
            if (m.uncorrected() != null) {
                uncorrected.add(m.uncorrected());
            }
            if (m.arrival() != null) {
                arrival = m.arrival();
            }
            latest = s;
            return s;
        }

        private void judgeForAbort(StatsSnapshot s) {
            if (!request.abortOnThreshold() || clock.nanoTime() - startNanos < ABORT_GRACE.toNanos()) {
                return;
            }
            for (Threshold t : request.thresholds()) {
                ThresholdResult r = t.evaluate(s);
                if (!r.passed()) {
                    end("threshold failed: " + t.expression() + " (was " + r.actualText() + ")");
                    return;
                }
            }
        }

        void resetStats() {
            if (stopReason != null) {
                return;
            }
            // what was measured up to now still reaches the interval consumers; only the fold forgets it
            take();
            outputs.interval(lastInterval, null);
            long now = clock.epochMillis();
            fold.reset(now);
            uncorrected.reset(now);
            if (phaseName != null) {
                phaseStart = fold.snapshot();
            }
            latest = fold.snapshot();
        }

        void end(String reason) {
            if (result.isDone()) {
                return;
            }
            if (stopReason == null) {
                stopReason = reason;
            }
            state = RunState.STOPPING;
            RunResult r;
            try {
                int before = controller.runningUsers();
                controller.stopAll();
                StatsSnapshot last = take().withUsers(before);
                latest = last;
                outputs.interval(lastInterval, null);
                closePhase(last);
                List<ThresholdResult> judged = request.thresholds().stream().map(t -> t.evaluate(last)).toList();
                StatsSnapshot raw = open ? uncorrected.snapshot().withUsers(before) : null;
                r = new RunResult(last, stopReason, phases, judged, raw, open ? arrival : null);
                List<String> problems = outputs.finish(r);
                synchronized (RunDriver.this) {
                    outputFailures.addAll(problems);
                }
            } catch (RuntimeException e) {
                // the controller or a threshold failed: the caller learns it from the result; the driver goes on
                log.accept("the run could not end cleanly: " + e);
                finishRun();
                result.completeExceptionally(e);
                return;
            }
            finishRun();
            result.complete(r);
        }

        private void finishRun() {
            synchronized (RunDriver.this) {
                run = null;
                state = RunState.STOPPED;
            }
        }

        private void closePhase(StatsSnapshot now) {
            if (phaseName != null) {
                phases.add(new RunResult.Phase(phaseName, phaseUsers, now.minus(phaseStart, phaseUsers)));
                phaseName = null;
            }
        }
    }
}
