package io.stampede.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.Task;
import io.stampede.TaskSet;
import io.stampede.User;
import io.stampede.WaitTime;
import io.stampede.Weight;
import io.stampede.core.spec.SpecReader;
import io.stampede.core.spec.TagFilter;
import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The engine with users that do no HTTP: scheduling, mix, life cycle and error handling. */
class EngineTest {
    static final AtomicInteger STARTS = new AtomicInteger();
    static final AtomicInteger STOPS = new AtomicInteger();
    static final AtomicLong LIGHT = new AtomicLong();
    static final AtomicLong HEAVY = new AtomicLong();
    static final AtomicLong IN_SET = new AtomicLong();

    @Weight(3)
    public static class Heavy extends User {
        @Override
        protected void onStart() {
            STARTS.incrementAndGet();
        }

        @Override
        protected void onStop() {
            STOPS.incrementAndGet();
        }

        @Override
        protected WaitTime waitTime() {
            return WaitTime.constant(0.001);
        }

        @Task(3)
        void heavy() {
            HEAVY.incrementAndGet();
        }

        @Task
        void light() {
            LIGHT.incrementAndGet();
            check("always", true);
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
                IN_SET.incrementAndGet();
                interrupt();
            }
        }
    }

    private Engine engine(StatsRegistry registry, Class<?>... classes) throws Exception {
        var specs = new SpecReader(TagFilter.NONE).read(List.of(classes));
        SessionFactory none = recorder -> {
            throw new AssertionError("no HTTP in these users");
        };
        return new Engine(specs, none, registry, new StatsCollector(registry, Clock.SYSTEM),
                new EngineSettings(Duration.ofSeconds(2), 7, "test"), Clock.SYSTEM);
    }

    @Test
    void keepsClassMixAndTaskWeightsAndStopsCleanly() throws Exception {
        STARTS.set(0);
        STOPS.set(0);
        StatsRegistry registry = new StatsRegistry(Clock.SYSTEM, "test");
        try (Engine engine = engine(registry, Heavy.class, Thrower.class)) {
            engine.setUsers(40, 0);
            awaitUsers(engine, 40);
            assertThat(engine.usersPerClass()).containsExactly(30, 10);
            Thread.sleep(300);
            engine.stopAll();
            assertThat(engine.runningUsers()).isZero();
            StatsSnapshot s = engine.snapshot();
            assertThat(STARTS.get()).isEqualTo(30);
            assertThat(STOPS.get()).isEqualTo(30);
            double heavyShare = HEAVY.get() / (double) (HEAVY.get() + LIGHT.get());
            assertThat(heavyShare).isBetween(0.70, 0.80);
            assertThat(s.exceptions()).singleElement().satisfies(e -> {
                assertThat(e.message()).isEqualTo("IllegalStateException: scenario bug");
                assertThat(e.count()).isGreaterThan(10);
            });
            assertThat(IN_SET.get()).isGreaterThan(10);
            assertThat(s.checks()).singleElement().satisfies(c -> assertThat(c.fails()).isZero());
        }
    }

    @Test
    void spawnRateIsFollowedAndRampDownStopsUsers() throws Exception {
        StatsRegistry registry = new StatsRegistry(Clock.SYSTEM, "test");
        try (Engine engine = engine(registry, Heavy.class)) {
            long start = System.nanoTime();
            engine.setUsers(10, 20);
            awaitUsers(engine, 10);
            double seconds = (System.nanoTime() - start) / 1e9;
            // 10 users at 20/s: the first at once, the last after about 0.45 s
            assertThat(seconds).isBetween(0.35, 1.5);
            engine.setUsers(4, 0);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (engine.runningUsers() != 4 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(engine.runningUsers()).isEqualTo(4);
        }
    }

    @Test
    void choosingUserClassesStopsTheOthersAndSharesAmongTheChosen() throws Exception {
        StatsRegistry registry = new StatsRegistry(Clock.SYSTEM, "test");
        try (Engine engine = engine(registry, Heavy.class, Thrower.class)) {
            engine.setUsers(8, 0, java.util.Set.of("Heavy"));
            awaitUsers(engine, 8);
            assertThat(engine.usersPerClass()).containsExactly(8, 0);
            engine.setUsers(5, 0, java.util.Set.of("Thrower"));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (engine.runningUsers() != 5 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(engine.usersPerClass()).containsExactly(0, 5);
            engine.setUsers(8, 0, null);
            awaitUsers(engine, 8);
            assertThat(engine.usersPerClass()).containsExactly(3, 5); // the weights, 3:1, as near as 5 already running allow
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.setUsers(1, 0, java.util.Set.of("Nobody")))
                    .hasMessageContaining("no user class Nobody");
        }
    }

    private static void awaitUsers(Engine engine, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (engine.runningUsers() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(engine.runningUsers()).isEqualTo(n);
    }
}
