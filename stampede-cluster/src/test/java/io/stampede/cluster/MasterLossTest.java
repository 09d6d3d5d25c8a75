package io.stampede.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.run.LoadTarget;
import io.stampede.testkit.TargetServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Workers whose master goes stop their load within 5 s: the server's count stops growing. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MasterLossTest {
    @Test
    void aClosedMasterEndsItsWorkersAtOnce() throws Exception {
        loseMaster(MasterController::close, "ended the connection");
    }

    @Test
    void aCrashedMasterEndsItsWorkersAtOnce() throws Exception {
        loseMaster(MasterController::crash, "the connection to the master broke");
    }

    @Test
    void aHungMasterEndsItsWorkersAfterFiveSilentSeconds() throws Exception {
        loseMaster(MasterController::freeze, "no heartbeat from the master for 5 s");
    }

    private static void loseMaster(Consumer<MasterController> death, String reason) throws Exception {
        try (TargetServer server = TargetServer.start(); TestCluster cluster = TestCluster.start(server)) {
            cluster.addWorkers(1, 1);
            MasterController master = cluster.master;
            master.apply(new LoadTarget.Users(6, 0), System.nanoTime());
            TestCluster.await("6 users running", Duration.ofSeconds(10), () -> master.runningUsers() == 6 && master.settled());
            Thread.sleep(500);
            long died = System.nanoTime();
            death.accept(master);
            for (WorkerAgent w : cluster.workers) {
                // a silent master is known only after 5 s, then users finish their task (well under a second here)
                assertThat(w.awaitEnd(Duration.ofMillis(6500))).as("worker ended").isTrue();
                assertThat(w.endReason()).contains(reason);
            }
            System.err.println("workers stopped " + (System.nanoTime() - died) / 1_000_000 + " ms after their master went");
            server.catchUp();
            long before = server.requestCount();
            Thread.sleep(1000);
            server.catchUp();
            assertThat(server.requestCount()).as("no orphan load").isEqualTo(before);
        }
    }
}
