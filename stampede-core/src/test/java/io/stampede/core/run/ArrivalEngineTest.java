package io.stampede.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.Task;
import io.stampede.User;
import io.stampede.core.plan.ArrivalPlan;
import io.stampede.core.spec.SpecReader;
import io.stampede.core.spec.TagFilter;
import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The open model without HTTP: schedule kept, pool growth, drops. (Real-server tests are in the CLI.) */
class ArrivalEngineTest {
    static final AtomicLong ITERATIONS = new AtomicLong();
    static volatile long sleepMillis;

    public static class Sleeper extends User {
        @Task
        void work() throws InterruptedException {
            ITERATIONS.incrementAndGet();
            Thread.sleep(sleepMillis);
        }
    }

    private ArrivalEngine engine(ArrivalPlan plan, List<String> notices) throws Exception {
        var specs = new SpecReader(TagFilter.NONE).read(List.of(Sleeper.class));
        StatsRegistry main = new StatsRegistry(Clock.SYSTEM, "t");
        StatsRegistry raw = new StatsRegistry(Clock.SYSTEM, "t");
        SessionFactory none = r -> {
            throw new AssertionError("no HTTP here");
        };
        return new ArrivalEngine(specs, plan, none, main, new StatsCollector(main, Clock.SYSTEM), raw,
                new StatsCollector(raw, Clock.SYSTEM), new EngineSettings(Duration.ofSeconds(2), 1, "t"), Clock.SYSTEM,
                notices::add);
    }

    @Test
    void keepsTheRateWhileIterationsTakeVaryingTime() throws Exception {
        ITERATIONS.set(0);
        sleepMillis = 20;
        List<String> notices = new ArrayList<>();
        try (ArrivalEngine engine = engine(ArrivalPlan.constant(500, Duration.ofSeconds(2), 5, 200), notices)) {
            engine.start();
            Thread.sleep(2300);
            engine.stopAll();
            ArrivalStats s = engine.arrivalStats();
            assertThat(s.scheduled()).isEqualTo(1000);
            assertThat(s.dropped()).isZero();
            assertThat(ITERATIONS.get()).isBetween(980L, 1000L);
            // 500/s of 20 ms iterations needs about 10 users: the pool grew from 5, not to the max
            assertThat(s.users()).isBetween(6, 60);
            assertThat(notices).isEmpty();
        }
    }

    @Test
    void dropsAndSaysSoWhenThePoolIsExhausted() throws Exception {
        ITERATIONS.set(0);
        sleepMillis = 200;
        List<String> notices = new ArrayList<>();
        ArrivalPlan plan = ArrivalPlan.constant(100, Duration.ofSeconds(1), 1, 2).withMaxDelay(Duration.ofMillis(100));
        try (ArrivalEngine engine = engine(plan, notices)) {
            engine.start();
            Thread.sleep(1200);
            engine.stopAll();
            ArrivalStats s = engine.arrivalStats();
            assertThat(s.scheduled()).isEqualTo(100);
            assertThat(s.users()).isEqualTo(2);
            // two users doing 5 iterations/s each cannot keep 100/s: iterations over 100 ms late are dropped, and counted
            assertThat(s.dropped()).isGreaterThan(80);
            assertThat(s.started() + s.dropped()).isLessThanOrEqualTo(s.scheduled());
            assertThat(notices).hasSize(2);
            assertThat(notices.get(0)).contains("--max-users 2").contains("starting late");
            assertThat(notices.get(1)).contains("more than 100 ms late are being dropped");
        }
    }
}
