package io.stampede.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.run.LoadTarget;
import io.stampede.testkit.TargetServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Workers that come while a run is on get their share at once, taken from the others. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JoinTest {
    @Test
    void aWorkerJoiningMidRunTakesItsShareFromTheOthers() throws Exception {
        try (TargetServer server = TargetServer.start(); TestCluster cluster = TestCluster.start(server)) {
            cluster.addWorkers(1, 1);
            MasterController master = cluster.master;
            master.apply(new LoadTarget.Users(6, 0), System.nanoTime());
            TestCluster.await("3/3", Duration.ofSeconds(10), () -> users(master).equals(List.of(3, 3)) && master.settled());
            cluster.addWorkers(1);
            TestCluster.await("2/2/2", Duration.ofSeconds(10), () -> users(master).equals(List.of(2, 2, 2)) && master.settled());
            assertThat(cluster.notice("w3 (")).contains("joined with capacity 1 (3 here); 6 users now spread over 3 workers");
            master.stopAll();
            assertThat(master.runningUsers()).isZero();
            assertThat(master.measure().stats().total().count()).isPositive().isEqualTo(server.requestCount());
        }
    }

    @Test
    void twentyWorkersAttach() throws Exception {
        try (TargetServer server = TargetServer.start(); TestCluster cluster = TestCluster.start(server)) {
            long start = System.nanoTime();
            for (int i = 1; i <= 20; i++) {
                cluster.addWorker("w" + i, 1);
            }
            assertThat(cluster.master.awaitWorkers(20, Duration.ofSeconds(30))).isTrue();
            long attached = System.nanoTime();
            cluster.master.apply(new LoadTarget.Users(40, 0), System.nanoTime());
            TestCluster.await("40 users on 20 workers", Duration.ofSeconds(20), () -> cluster.master.settled()
                    && cluster.master.runningUsers() == 40);
            System.err.printf("20 workers attached in %d ms; their 40 users all running %d ms later%n",
                    (attached - start) / 1_000_000, (System.nanoTime() - attached) / 1_000_000);
            cluster.master.stopAll();
            assertThat(cluster.master.measure().stats().total().count()).isEqualTo(server.requestCount());
        }
    }

    private static List<Integer> users(MasterController master) {
        return master.workers().stream().map(MasterController.WorkerInfo::runningUsers).toList();
    }
}
