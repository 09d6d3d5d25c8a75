package io.stampede.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.run.LoadTarget;
import io.stampede.core.run.RunDriver;
import io.stampede.core.run.RunRequest;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.time.Clock;
import io.stampede.testkit.TargetServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run driven through a master over three in-process workers, with real HTTP against a counting
 * server: shares follow capacity, a live change reaches every worker, and the merged statistics are
 * exactly what the server saw and exactly one histogram of every sample.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClusterRunTest {
    @Test
    void splitsByCapacityFollowsChangesAndMergesExactly() throws Exception {
        ConcurrentLinkedQueue<StatsInterval> intervals = new ConcurrentLinkedQueue<>();
        Output collect = new Output() {
            @Override
            public void onInterval(StatsInterval interval) {
                intervals.add(interval);
            }

            @Override
            public void finish(RunResult result) {
            }
        };
        try (TargetServer server = TargetServer.start(); TestCluster cluster = TestCluster.start(server)) {
            long attachStart = System.nanoTime();
            cluster.addWorkers(1, 1, 2);
            System.err.printf("3 workers attached in %d ms%n", (System.nanoTime() - attachStart) / 1_000_000);
            MasterController master = cluster.master;
            try (RunDriver driver = new RunDriver(master, List.of(collect), Clock.SYSTEM, Duration.ofSeconds(1), line -> { })) {
                var result = driver.start(new RunRequest(LoadPlan.constant(8, 100, Duration.ofSeconds(7)),
                        new RunInfo(server.url(), List.of("Hitter"), "8 users", System.currentTimeMillis())));
                TestCluster.await("8 users split 2/2/4", Duration.ofSeconds(10), () -> users(master).equals(List.of(2, 2, 4))
                        && master.settled());
                assertThat(master.workers()).extracting(MasterController.WorkerInfo::share)
                        .containsExactly(new LoadTarget.Users(2, 25, null), new LoadTarget.Users(2, 25, null),
                                new LoadTarget.Users(4, 50, null));
                Thread.sleep(1500);
                driver.change(new LoadTarget.Users(12, 100));
                TestCluster.await("12 users split 3/3/6", Duration.ofSeconds(10), () -> users(master).equals(List.of(3, 3, 6)));
                RunResult r = result.get(30, TimeUnit.SECONDS);

                EntryStats total = r.stats().total();
                assertThat(total.count()).isGreaterThan(200).isEqualTo(server.requestCount());
                assertThat(total.failures()).isZero();
                assertThat(intervals.stream().mapToLong(i -> i.total().count()).sum()).isEqualTo(total.count());
                Histogram merged = total.histogramMicros();
                Histogram all;
                synchronized (cluster.samples) {
                    all = cluster.samples.copy();
                }
                assertThat(merged.getTotalCount()).isEqualTo(all.getTotalCount());
                for (double p : new double[] {0, 50, 75, 90, 95, 99, 99.9, 100}) {
                    assertThat(merged.getValueAtPercentile(p)).as("p%s", p).isEqualTo(all.getValueAtPercentile(p));
                }
                assertThat(merged.getMean()).isEqualTo(all.getMean());
            }
        }
    }

    private static List<Integer> users(MasterController master) {
        return master.workers().stream().map(MasterController.WorkerInfo::runningUsers).toList();
    }
}
