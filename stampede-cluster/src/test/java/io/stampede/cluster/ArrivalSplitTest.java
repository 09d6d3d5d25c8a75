package io.stampede.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.plan.ArrivalPlan;
import io.stampede.core.run.LoadTarget;
import io.stampede.core.run.RunDriver;
import io.stampede.core.run.RunRequest;
import io.stampede.core.time.Clock;
import io.stampede.testkit.TargetServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An arrival-rate run over workers of capacities 1 and 3: the rate and the pool split in proportion, the figures add up. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ArrivalSplitTest {
    @Test
    void theRateAndThePoolSplitByCapacityAndTheScheduleAddsUp() throws Exception {
        try (TargetServer server = TargetServer.start(); TestCluster cluster = TestCluster.start(server)) {
            cluster.addWorkers(1, 3);
            MasterController master = cluster.master;
            try (RunDriver driver = new RunDriver(master, List.of(), Clock.SYSTEM, Duration.ofSeconds(1), line -> { })) {
                var result = driver.start(new RunRequest(ArrivalPlan.constant(40, Duration.ofSeconds(3), 4, 20),
                        new RunInfo(server.url(), List.of("Hitter"), "40/s", System.currentTimeMillis())));
                TestCluster.await("shares sent", Duration.ofSeconds(5),
                        () -> master.workers().stream().allMatch(w -> w.share() != null));
                assertThat(master.workers()).extracting(w -> ((LoadTarget.Rate) w.share()).perSecond())
                        .containsExactly(10.0, 30.0);
                assertThat(master.workers()).extracting(w -> ((LoadTarget.Rate) w.share()).pool().maxUsers())
                        .containsExactly(5, 15);
                RunResult r = result.get(30, TimeUnit.SECONDS);
                long tool = r.stats().total().count();
                System.err.println("arrival " + r.arrival() + ", tool " + tool + ", server " + server.requestCount());
                assertThat(tool).isEqualTo(server.requestCount());
                assertThat(r.uncorrected().total().count()).isEqualTo(tool);
                // each worker's schedule runs from the target's arrival less how late the master sent it,
                // so only the message's transit (a millisecond on loopback) can cost a worker its last iteration
                assertThat(r.arrival().scheduled()).isBetween(118L, 120L);
                assertThat(r.arrival().started() + r.arrival().dropped()).isEqualTo(r.arrival().scheduled());
                assertThat(r.arrival().started()).isEqualTo(tool);
            }
        }
    }
}
