package io.stampede.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.plan.LoadStep;
import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.threshold.Threshold;
import io.stampede.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run driver against a scripted controller: steps on time, phases, thresholds, outputs. */
class LocalRunTest {
    /** A controller whose "users" each record one 10 ms request whenever a snapshot is taken. */
    static final class ScriptedController implements LoadController {
        final StatsRegistry registry = new StatsRegistry(Clock.SYSTEM, "t");
        final StatsCollector collector = new StatsCollector(registry, Clock.SYSTEM);
        final List<Integer> targets = new ArrayList<>();
        volatile int users;
        boolean stopped;

        @Override
        public void setUsers(int u, double perSecond) {
            targets.add(u);
            users = u;
        }

        @Override
        public int runningUsers() {
            return users;
        }

        @Override
        public StatsSnapshot snapshot() {
            for (int i = 0; i < users; i++) {
                registry.record("GET", "/x", 10_000_000L, 2, users > 20 ? "HTTP 503 Service Unavailable" : null);
            }
            return collector.tick(users);
        }

        @Override
        public void stopAll() {
            stopped = true;
        }
    }

    static final class Recording implements Output {
        final List<StatsSnapshot> snapshots = new ArrayList<>();
        RunResult result;

        @Override
        public void onSnapshot(StatsSnapshot s) {
            snapshots.add(s);
        }

        @Override
        public void finish(RunResult r) {
            result = r;
        }
    }

    private static RunInfo info() {
        return new RunInfo("http://127.0.0.1:1", List.of("U"), "test", 0);
    }

    @Test
    void stepLoadKeepsEachStepsStatisticsApart() throws Exception {
        ScriptedController c = new ScriptedController();
        Recording out = new Recording();
        LoadPlan plan = LoadPlan.stepLoad(10, Duration.ofMillis(300), 30, 0, null);
        RunResult r = new LocalRun(c, List.of(out), plan, Clock.SYSTEM, Duration.ofMillis(100), () -> { }).run(info());
        assertThat(c.targets).containsExactly(10, 20, 30);
        assertThat(c.stopped).isTrue();
        assertThat(r.stopReason()).isEqualTo("run time reached");
        assertThat(r.phases()).extracting(RunResult.Phase::name).containsExactly("step 1", "step 2", "step 3");
        assertThat(r.phases()).extracting(RunResult.Phase::users).containsExactly(10, 20, 30);
        long sum = r.phases().stream().mapToLong(p -> p.stats().total().count()).sum();
        assertThat(sum).isEqualTo(r.stats().total().count());
        assertThat(r.phases().get(0).stats().total().failures()).isZero();
        assertThat(r.phases().get(2).stats().total().failures()).isEqualTo(r.phases().get(2).stats().total().count());
        assertThat(out.result).isSameAs(r);
        assertThat(out.snapshots).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void thresholdsAreJudgedOnTheFinalStatistics() throws Exception {
        ScriptedController c = new ScriptedController();
        LoadPlan plan = LoadPlan.constant(5, 0, Duration.ofMillis(400));
        RunResult r = new LocalRun(c, List.of(), plan, Clock.SYSTEM, Duration.ofMillis(100), () -> { })
                .thresholds(List.of(Threshold.parse("p95<50ms"), Threshold.parse("avg<5ms")), false)
                .run(info());
        assertThat(r.thresholds()).extracting(t -> t.passed()).containsExactly(true, false);
        assertThat(r.thresholdsPassed()).isFalse();
    }

    @Test
    void aShapeDrivesTheUsersAndEndsTheRun() throws Exception {
        ScriptedController c = new ScriptedController();
        LoadPlan plan = LoadPlan.shaped(elapsed -> elapsed.toMillis() < 250 ? new LoadStep(Duration.ZERO, 3, 0)
                : elapsed.toMillis() < 500 ? new LoadStep(Duration.ZERO, 7, 0) : null, "test", null);
        RunResult r = new LocalRun(c, List.of(), plan, Clock.SYSTEM, Duration.ofMillis(50), () -> { }).run(info());
        assertThat(c.targets).containsExactly(3, 7);
        assertThat(r.stopReason()).isEqualTo("load shape ended");
    }

    @Test
    void requestStopEndsEarlyAndStillFinishes() throws Exception {
        ScriptedController c = new ScriptedController();
        Recording out = new Recording();
        LocalRun run = new LocalRun(c, List.of(out), LoadPlan.constant(2, 0, null), Clock.SYSTEM, Duration.ofMillis(50), () -> { });
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            run.requestStop("interrupted");
        });
        RunResult r = run.run(info());
        assertThat(r.stopReason()).isEqualTo("interrupted");
        assertThat(out.result.stats().total().count()).isGreaterThan(0);
    }
}
