package io.stampede.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.plan.LoadStep;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.threshold.Threshold;
import io.stampede.core.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The run driver against a scripted controller: steps on time, phases, commands, states, outputs. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunDriverTest {
    static final class Recording implements Output {
        final List<StatsSnapshot> snapshots = new CopyOnWriteArrayList<>();
        final List<StatsInterval> intervals = new CopyOnWriteArrayList<>();
        /** Per interval: whether a cumulative snapshot came with it (not for a reset's or the last interval). */
        final List<Boolean> withSnapshot = new CopyOnWriteArrayList<>();
        volatile RunResult result;
        volatile int starts;

        @Override
        public void start(RunInfo info) {
            starts++;
        }

        @Override
        public void onInterval(StatsInterval i) {
            intervals.add(i);
            withSnapshot.add(false);
        }

        @Override
        public void onSnapshot(StatsSnapshot s) {
            snapshots.add(s);
            withSnapshot.set(withSnapshot.size() - 1, true);
        }

        @Override
        public void finish(RunResult r) {
            result = r;
        }
    }

    /** Throws on everything: a web client that went away, a full disk. */
    static final class Broken implements Output {
        volatile int calls;

        @Override
        public void onSnapshot(StatsSnapshot s) {
            calls++;
            throw new IllegalStateException("disk full");
        }

        @Override
        public void finish(RunResult r) throws Exception {
            throw new java.io.IOException("disk still full");
        }
    }

    private final List<String> log = new CopyOnWriteArrayList<>();

    private RunDriver driver(LoadController c, Output... outputs) {
        return new RunDriver(c, List.of(outputs), Clock.SYSTEM, Duration.ofMillis(50), log::add);
    }

    static RunRequest request(io.stampede.core.plan.Plan plan) {
        return new RunRequest(plan, new RunInfo("http://127.0.0.1:1", List.of("U"), "test", 0));
    }

    @Test
    void stepLoadKeepsEachStepsStatisticsApart() throws Exception {
        ScriptedController c = new ScriptedController();
        Recording out = new Recording();
        try (RunDriver d = driver(c, out)) {
            RunResult r = d.start(request(LoadPlan.stepLoad(10, Duration.ofMillis(300), 30, 0, null))).get();
            assertThat(c.userTargets()).containsExactly(10, 20, 30);
            assertThat(c.stops).isEqualTo(1);
            assertThat(r.stopReason()).isEqualTo("run time reached");
            assertThat(r.phases()).extracting(RunResult.Phase::name).containsExactly("step 1", "step 2", "step 3");
            assertThat(r.phases()).extracting(RunResult.Phase::users).containsExactly(10, 20, 30);
            long sum = r.phases().stream().mapToLong(p -> p.stats().total().count()).sum();
            assertThat(sum).isEqualTo(r.stats().total().count()).isEqualTo(c.recorded);
            assertThat(r.phases().get(0).stats().total().failures()).isZero();
            assertThat(r.phases().get(2).stats().total().failures()).isEqualTo(r.phases().get(2).stats().total().count());
            assertThat(out.result).isSameAs(r);
            assertThat(out.snapshots).hasSizeGreaterThanOrEqualTo(6);
            assertThat(d.state()).isEqualTo(RunState.STOPPED);
        }
    }

    @Test
    void theIntervalsHandedToOutputsAddUpToTheResultExactly() throws Exception {
        ScriptedController c = new ScriptedController();
        Recording out = new Recording();
        try (RunDriver d = driver(c, out)) {
            RunResult r = d.start(request(LoadPlan.constant(7, 0, Duration.ofMillis(500)))).get();
            long fromIntervals = out.intervals.stream().mapToLong(i -> i.total().count()).sum();
            assertThat(fromIntervals).isEqualTo(r.stats().total().count()).isEqualTo(c.recorded).isPositive();
            List<Long> sequences = out.intervals.stream().map(StatsInterval::sequence).toList();
            assertThat(sequences).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void thresholdsAreJudgedOnTheFinalStatistics() throws Exception {
        ScriptedController c = new ScriptedController();
        try (RunDriver d = driver(c)) {
            RunResult r = d.start(new RunRequest(LoadPlan.constant(5, 0, Duration.ofMillis(400)),
                    new RunInfo("h", List.of(), "t", 0),
                    List.of(Threshold.parse("p95<50ms"), Threshold.parse("avg<5ms")), false, false)).get();
            assertThat(r.thresholds()).extracting(t -> t.passed()).containsExactly(true, false);
            assertThat(r.thresholdsPassed()).isFalse();
        }
    }

    @Test
    void aShapeDrivesTheUsersFromTheStartAndEndsTheRun() throws Exception {
        ScriptedController c = new ScriptedController();
        LoadPlan plan = LoadPlan.shaped(elapsed -> elapsed.toMillis() < 250 ? new LoadStep(Duration.ZERO, 3, 0)
                : elapsed.toMillis() < 500 ? new LoadStep(Duration.ZERO, 7, 0) : null, "test", null);
        try (RunDriver d = driver(c)) {
            RunResult r = d.start(request(plan)).get();
            assertThat(c.userTargets()).containsExactly(3, 7);
            assertThat(r.stopReason()).isEqualTo("load shape ended");
        }
    }

    @Test
    void anOutsideChangeOverridesThePlanUntilTheNextStart() throws Exception {
        ScriptedController c = new ScriptedController();
        Recording out = new Recording();
        try (RunDriver d = driver(c, out)) {
            // stages would go to 10 and then to 30; the change at once to 4 must win for the rest of the run
            var result = d.start(request(LoadPlan.stages(io.stampede.core.plan.Stage.parseList("200ms:10,300ms:30"))));
            awaitState(d, RunState.RUNNING);
            d.change(new LoadTarget.Users(4, 0));
            RunResult r = result.get();
            assertThat(c.userTargets()).containsExactly(10, 4);
            assertThat(r.stopReason()).isEqualTo("run time reached");
            // a new start follows its own plan again
            d.start(request(LoadPlan.constant(2, 0, Duration.ofMillis(150)))).get();
            assertThat(c.userTargets()).containsExactly(10, 4, 2);
            assertThat(out.starts).isEqualTo(2);
        }
    }

    @Test
    void commandsAreRefusedWhereTheyCannotApply() throws Exception {
        ScriptedController c = new ScriptedController();
        try (RunDriver d = driver(c)) {
            assertThat(d.state()).isEqualTo(RunState.READY);
            assertThatThrownBy(() -> d.change(new LoadTarget.Users(3, 0))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no run is on");
            var running = d.start(request(LoadPlan.constant(2, 0, null)));
            assertThatThrownBy(() -> d.start(request(LoadPlan.constant(2, 0, null))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("stop it before");
            assertThatThrownBy(() -> d.change(new LoadTarget.Users(3, 0, java.util.Set.of("Nobody"))))
                    .isInstanceOf(IllegalArgumentException.class);
            awaitState(d, RunState.RUNNING);
            assertThat(c.userTargets()).containsExactly(2);
            d.stop("interrupted");
            RunResult r = running.get();
            assertThat(r.stopReason()).isEqualTo("interrupted");
            assertThat(r.stats().total().count()).isEqualTo(c.recorded);
        }
    }

    @Test
    void resetStatsForgetsWhatWasMeasuredButIntervalsKeepFlowing() throws Exception {
        ScriptedController c = new ScriptedController();
        Recording out = new Recording();
        try (RunDriver d = driver(c, out)) {
            var running = d.start(request(LoadPlan.constant(5, 0, null)));
            awaitIntervals(out, 4);
            d.resetStats();
            awaitIntervals(out, out.intervals.size() + 4);
            d.stop("done");
            RunResult r = running.get();
            int reset = out.withSnapshot.indexOf(false);
            assertThat(reset).isLessThan(out.intervals.size() - 1);
            long afterReset = out.intervals.subList(reset + 1, out.intervals.size()).stream()
                    .mapToLong(i -> i.total().count()).sum();
            assertThat(r.stats().total().count()).isEqualTo(afterReset).isLessThan(c.recorded).isPositive();
            assertThat(out.intervals.stream().mapToLong(i -> i.total().count()).sum()).isEqualTo(c.recorded);
        }
    }

    @Test
    void anOutputThatThrowsCostsTheOthersNothing() throws Exception {
        ScriptedController c = new ScriptedController();
        Broken broken = new Broken();
        Recording good = new Recording();
        try (RunDriver d = driver(c, broken, good)) {
            RunResult r = d.start(request(LoadPlan.constant(3, 0, Duration.ofMillis(400)))).get();
            assertThat(broken.calls).isEqualTo(1);
            assertThat(good.result).isSameAs(r);
            assertThat(good.snapshots).hasSizeGreaterThanOrEqualTo(5);
            assertThat(r.stats().total().count()).isEqualTo(c.recorded);
            assertThat(log).hasSize(2);
            assertThat(log.get(0)).contains("Broken failed").contains("disk full");
            assertThat(log.get(1)).contains("Broken could not finish").contains("disk still full");
            assertThat(d.outputFailures()).hasSize(1);
        }
    }

    private static void awaitState(RunDriver d, RunState s) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (d.state() != s && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(d.state()).isEqualTo(s);
    }

    private static void awaitIntervals(Recording out, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (out.intervals.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(out.intervals.size()).isGreaterThanOrEqualTo(n);
    }
}
