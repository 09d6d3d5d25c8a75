package io.stampede.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stampede.Task;
import io.stampede.TaskSet;
import io.stampede.User;
import io.stampede.WaitTime;
import io.stampede.Weight;
import io.stampede.core.spec.SpecReader;
import io.stampede.core.spec.TagFilter;
import io.stampede.core.stats.CheckStats;
import io.stampede.core.stats.StatsFold;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.time.Clock;
import io.stampede.core.transport.SessionFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine with users that do no HTTP: scheduling, mix, life cycle and error handling. What users
 * did is counted through their own checks, so every figure comes from this test's engine alone.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineTest {
    @Weight(3)
    public static class Heavy extends User {
        @Override
        protected void onStart() {
            check("started", true);
        }

        @Override
        protected void onStop() {
            check("stopped", true);
        }

        @Override
        protected WaitTime waitTime() {
            return WaitTime.constant(0.001);
        }

        @Task(3)
        void heavy() {
            check("heavy", true);
        }

        @Task
        void light() {
            check("light", true);
        }
    }

    public static class Thrower extends User {
        @Override
        protected WaitTime waitTime() {
            return WaitTime.constant(0.001);
        }

        @Task
        void boom() {
            throw new IllegalStateException("scenario bug");
        }

        @Task
        static class Browse extends TaskSet<Thrower> {
            @Task
            void look() {
                check("in set", true);
                interrupt();
            }
        }
    }

    static Engine engine(Class<?>... classes) throws Exception {
        var specs = new SpecReader(TagFilter.NONE).read(List.of(classes));
        SessionFactory none = recorder -> {
            throw new AssertionError("no HTTP in these users");
        };
        return new Engine(specs, none, new EngineSettings(Duration.ofSeconds(2), 7, "test"), Clock.SYSTEM, n -> { });
    }

    /** Everything the engine measured since the last call, folded. */
    private static StatsSnapshot drain(Engine engine, StatsFold fold) {
        return fold.add(engine.measure().stats());
    }

    private static long passes(StatsSnapshot s, String check) {
        return s.checks().stream().filter(c -> c.name().equals(check)).mapToLong(CheckStats::passes).sum();
    }

    @Test
    void keepsClassMixAndTaskWeightsAndStopsCleanly() throws Exception {
        StatsFold fold = new StatsFold(0);
        try (Engine engine = engine(Heavy.class, Thrower.class)) {
            engine.apply(new LoadTarget.Users(40, 0), System.nanoTime());
            await(() -> engine.runningUsers() == 40 && engine.settled());
            assertThat(engine.usersPerClass()).containsExactly(30, 10);
            await(() -> {
                StatsSnapshot s = drain(engine, fold);
                return passes(s, "heavy") + passes(s, "light") > 2000 && passes(s, "in set") > 10;
            });
            engine.stopAll();
            assertThat(engine.runningUsers()).isZero();
            StatsSnapshot s = drain(engine, fold);
            assertThat(passes(s, "started")).isEqualTo(30);
            assertThat(passes(s, "stopped")).isEqualTo(30);
            double heavyShare = passes(s, "heavy") / (double) (passes(s, "heavy") + passes(s, "light"));
            assertThat(heavyShare).isBetween(0.70, 0.80);
            assertThat(s.exceptions()).singleElement().satisfies(e -> {
                assertThat(e.message()).isEqualTo("IllegalStateException: scenario bug");
                assertThat(e.count()).isGreaterThan(10);
            });
            assertThat(s.checks()).allSatisfy(c -> assertThat(c.fails()).isZero());
        }
    }

    @Test
    void spawnRateIsFollowedAndRampDownStopsUsers() throws Exception {
        try (Engine engine = engine(Heavy.class)) {
            long start = System.nanoTime();
            engine.apply(new LoadTarget.Users(10, 20), start);
            assertThat(engine.settled()).isFalse();
            await(() -> engine.runningUsers() == 10);
            double seconds = (System.nanoTime() - start) / 1e9;
            // 10 users at 20/s: the first at once, the last after about 0.45 s
            assertThat(seconds).isBetween(0.35, 1.5);
            engine.apply(new LoadTarget.Users(4, 0), System.nanoTime());
            await(() -> engine.runningUsers() == 4 && engine.settled());
        }
    }

    @Test
    void choosingUserClassesStopsTheOthersAndSharesAmongTheChosen() throws Exception {
        try (Engine engine = engine(Heavy.class, Thrower.class)) {
            engine.apply(new LoadTarget.Users(8, 0, Set.of("Heavy")), System.nanoTime());
            await(() -> engine.runningUsers() == 8);
            assertThat(engine.usersPerClass()).containsExactly(8, 0);
            engine.apply(new LoadTarget.Users(5, 0, Set.of("Thrower")), System.nanoTime());
            await(() -> engine.runningUsers() == 5);
            assertThat(engine.usersPerClass()).containsExactly(0, 5);
            engine.apply(new LoadTarget.Users(8, 0, null), System.nanoTime());
            await(() -> engine.runningUsers() == 8);
            assertThat(engine.usersPerClass()).containsExactly(3, 5); // the weights, 3:1, as near as 5 already running allow
            assertThatThrownBy(() -> engine.check(new LoadTarget.Users(1, 0, Set.of("Nobody"))))
                    .hasMessageContaining("no user class Nobody");
            assertThatThrownBy(() -> engine.check(new LoadTarget.Rate(5, Duration.ZERO,
                    new LoadTarget.ArrivalPool(1, 2, Duration.ofSeconds(1))))).hasMessageContaining("change it, not a rate");
        }
    }

    /** A test controller's orders through the driver reach real users: up, down, and again after a stop. */
    @Test
    void theDriverChangesTheUsersOfARealEngineMidRun() throws Exception {
        try (Engine engine = engine(Heavy.class);
             RunDriver d = new RunDriver(engine, List.of(), Clock.SYSTEM, Duration.ofMillis(50), m -> { })) {
            var run = d.start(RunDriverTest.request(io.stampede.core.plan.LoadPlan.constant(2, 0, null)));
            await(() -> engine.runningUsers() == 2 && d.state() == RunState.RUNNING);
            d.change(new LoadTarget.Users(6, 0));
            await(() -> engine.runningUsers() == 6 && d.state() == RunState.RUNNING);
            d.change(new LoadTarget.Users(1, 0));
            await(() -> engine.runningUsers() == 1);
            d.stop("enough");
            var r = run.get();
            assertThat(engine.runningUsers()).isZero();
            // every user that started also stopped, and the result holds every check they made
            long started = r.stats().checks().stream().filter(c -> c.name().equals("started")).mapToLong(CheckStats::passes).sum();
            long stopped = r.stats().checks().stream().filter(c -> c.name().equals("stopped")).mapToLong(CheckStats::passes).sum();
            assertThat(started).isEqualTo(6);
            assertThat(stopped).isEqualTo(6);
            // and it starts again
            var again = d.start(RunDriverTest.request(io.stampede.core.plan.LoadPlan.constant(3, 0, Duration.ofMillis(300))));
            assertThat(again.get().stats().users()).isEqualTo(3);
        }
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
