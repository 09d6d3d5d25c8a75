package io.stampede.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.Task;
import io.stampede.User;
import io.stampede.core.output.RunResult;
import io.stampede.core.plan.ArrivalPlan;
import io.stampede.core.spec.SpecReader;
import io.stampede.core.spec.TagFilter;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.CheckStats;
import io.stampede.core.time.Clock;
import io.stampede.core.transport.SessionFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The open model without HTTP, through the driver: schedule kept, pool growth, drops. (Real-server tests are in the CLI.) */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ArrivalRunTest {
    public static class Quick extends User {
        @Task
        void work() throws InterruptedException {
            check("iteration", true);
            Thread.sleep(20);
        }
    }

    public static class Slow extends User {
        @Task
        void work() throws InterruptedException {
            check("iteration", true);
            Thread.sleep(200);
        }
    }

    private final List<EngineNotice> notices = new CopyOnWriteArrayList<>();

    private RunResult run(Class<?> user, ArrivalPlan plan) throws Exception {
        var specs = new SpecReader(TagFilter.NONE).read(List.of(user));
        SessionFactory none = r -> {
            throw new AssertionError("no HTTP here");
        };
        try (Engine engine = new Engine(specs, none, new EngineSettings(Duration.ofSeconds(2), 1, "t"), Clock.SYSTEM, notices::add);
             RunDriver d = new RunDriver(engine, List.of(), Clock.SYSTEM, Duration.ofMillis(100), m -> { })) {
            return d.start(RunDriverTest.request(plan)).get();
        }
    }

    private static long iterations(RunResult r) {
        return r.stats().checks().stream().filter(c -> c.name().equals("iteration")).mapToLong(CheckStats::passes).sum();
    }

    @Test
    void keepsTheRateWhileIterationsTakeTime() throws Exception {
        RunResult r = run(Quick.class, ArrivalPlan.constant(500, Duration.ofSeconds(2), 5, 200));
        ArrivalStats s = r.arrival();
        // the schedule stops issuing at the plan's end, exactly, however late the stop arrives
        assertThat(s.scheduled()).isEqualTo(1000);
        assertThat(s.dropped()).isZero();
        // every started iteration ran its task (the last ones finish within the stop timeout)
        assertThat(iterations(r)).isEqualTo(s.started());
        assertThat(s.started()).isBetween(980L, 1000L);
        // 500/s of 20 ms iterations needs about 10 users: the pool grew from 5, not to the max
        assertThat(s.users()).isBetween(6, 60);
        assertThat(notices).isEmpty();
        assertThat(r.uncorrected()).isNotNull();
    }

    @Test
    void dropsAndSaysSoWhenThePoolIsExhausted() throws Exception {
        ArrivalPlan plan = ArrivalPlan.constant(100, Duration.ofSeconds(1), 1, 2).withMaxDelay(Duration.ofMillis(100));
        RunResult r = run(Slow.class, plan);
        ArrivalStats s = r.arrival();
        assertThat(s.scheduled()).isEqualTo(100);
        assertThat(s.users()).isEqualTo(2);
        // two users doing 5 iterations/s each cannot keep 100/s: iterations over 100 ms late are dropped, and
        // counted (about 80: of the 100, some 10 start and the last 100 ms's are not yet late when the run ends)
        assertThat(s.dropped()).isBetween(70L, 90L);
        assertThat(s.started() + s.dropped()).isLessThanOrEqualTo(s.scheduled());
        assertThat(iterations(r)).isEqualTo(s.started());
        assertThat(notices).hasSize(2);
        assertThat(notices.get(0)).isEqualTo(new EngineNotice.ArrivalPoolExhausted(2, 2));
        assertThat(notices.get(1)).isInstanceOfSatisfying(EngineNotice.IterationsDropped.class,
                d -> assertThat(d.maxDelayMillis()).isEqualTo(100));
    }

    @Test
    void aRampOfRatesIssuesTheIntegralOfTheRate() throws Exception {
        // 0 -> 400/s over 1 s, then 400/s for 0.5 s: 200 + 200 iterations
        ArrivalPlan plan = new ArrivalPlan(0, io.stampede.core.plan.Stage.parseList("1s:400/s,500ms:400/s"), 5, 100);
        RunResult r = run(Quick.class, plan);
        assertThat(r.arrival().scheduled()).isEqualTo(400);
    }
}
