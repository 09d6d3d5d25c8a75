package io.stampede.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.run.RunDriver;
import io.stampede.core.run.RunRequest;
import io.stampede.core.run.RunState;
import io.stampede.core.time.Clock;
import io.stampede.testkit.TargetServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker that goes mid-run: it is named within 5 s, its users go to the others, the run goes on,
 * and the final count is the server's exactly, once the requests the lost worker made but never got
 * to the master are accounted for. Those are of two kinds, both counted by the worker itself: what
 * it measured but never handed to its stream (while hung, or after its master dropped it), and what
 * it handed to the stream but the master never received (sent minus what the master says arrived).
 * So the gap between the server and the tool is exactly the lost worker's last unreported requests,
 * never anything the cluster double-counted or dropped after it arrived.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WorkerLossTest {
    @Test
    void aHungWorkerIsDroppedWithinFiveSecondsAndItsUsersGoToTheOthers() throws Exception {
        lose(WorkerAgent::freeze, "lost: no heartbeat for 5 s; its 2 users go to the others", Duration.ofMillis(5600));
    }

    @Test
    void aWorkerWhoseConnectionDiesIsDroppedAtOnce() throws Exception {
        lose(WorkerAgent::killConnection, "lost: its connection broke", Duration.ofSeconds(2));
        // (its users went to the others too: the same 3/5 split is checked below)
    }

    private static void lose(Consumer<WorkerAgent> death, String notice, Duration detectWithin) throws Exception {
        try (TargetServer server = TargetServer.start(); TestCluster cluster = TestCluster.start(server)) {
            cluster.addWorkers(1, 1, 2);
            MasterController master = cluster.master;
            try (RunDriver driver = new RunDriver(master, List.of(), Clock.SYSTEM, Duration.ofSeconds(1), line -> { })) {
                CompletableFuture<RunResult> result = driver.start(new RunRequest(LoadPlan.constant(8, 100, null),
                        new RunInfo(server.url(), List.of("Hitter"), "8 users", System.currentTimeMillis())));
                TestCluster.await("8 users split 2/2/4", Duration.ofSeconds(10),
                        () -> users(master).equals(List.of(2, 2, 4)) && master.settled());
                Thread.sleep(1500);
                WorkerAgent w2 = cluster.workers.get(1);
                long died = System.nanoTime();
                death.accept(w2);
                TestCluster.await("w2 named lost", detectWithin, () -> cluster.noticed(") lost: "));
                long detectedMillis = (System.nanoTime() - died) / 1_000_000;
                System.err.println("w2 detected lost after " + detectedMillis + " ms");
                assertThat(cluster.notice(") lost: ")).startsWith("worker w2 (127.0.0.1:").contains(notice);
                // 8 users over capacities 1 and 2: 2.67 and 5.33, the larger remainder rounds up
                TestCluster.await("w2's users re-spread 3/5", Duration.ofSeconds(5), () -> users(master).equals(List.of(3, 5)));
                assertThat(w2.awaitEnd(Duration.ofSeconds(5))).as("the lost worker stops its own load").isTrue();
                Thread.sleep(1500);
                assertThat(driver.state()).isEqualTo(RunState.RUNNING);
                driver.stop("test over");
                RunResult r = result.get(30, TimeUnit.SECONDS);
                // at the end, beside the summary, the lost worker is named once more
                assertThat(cluster.notice("lost during this run")).startsWith("1 worker was lost during this run")
                        .contains(": w2 (127.0.0.1:").contains(notice.replaceFirst("^lost: ", "").replaceFirst(";.*", ""));

                long tool = r.stats().total().count();
                long unreported = w2.unsentRequests() + (w2.sentRequests() - master.reportedRequests("w2"));
                System.err.printf("server %d, tool %d, w2 unreported %d (unsent %d, sent %d, received %d)%n",
                        server.requestCount(), tool, unreported, w2.unsentRequests(), w2.sentRequests(),
                        master.reportedRequests("w2"));
                assertThat(tool).isGreaterThan(200).isLessThanOrEqualTo(server.requestCount());
                assertThat(server.requestCount() - tool).isEqualTo(unreported);
            }
        }
    }

    private static List<Integer> users(MasterController master) {
        return master.workers().stream().map(MasterController.WorkerInfo::runningUsers).toList();
    }
}
