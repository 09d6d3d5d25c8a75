package io.stampede.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.run.LoadTarget;
import io.stampede.http.HttpClientConfig;
import io.stampede.http.SocketSessionFactory;
import io.stampede.testkit.TargetServer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker that takes longer to stop than the stop timeout plus 5 s (its users ignore their
 * interrupt, as a big population on a busy machine is slow to end) is still waited for while it
 * heartbeats, so what its users did during the stop is in the final count.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SlowStopTest {
    @Test
    void aLiveWorkerStillStoppingIsWaitedForAndItsLastRequestsCount() throws Exception {
        ConcurrentLinkedQueue<String> notices = new ConcurrentLinkedQueue<>();
        try (TargetServer server = TargetServer.start()) {
            HttpSettings http = new HttpSettings(server.url(), Duration.ofSeconds(5), Duration.ofSeconds(10), false, 0, "slow");
            Duration stopTimeout = Duration.ofSeconds(2);
            try (MasterController master = new MasterController(new MasterSettings("127.0.0.1", 0, TestCluster.TOKEN,
                    TestCluster.VERSION, null), TestCluster.scenario(SlowToStop.class), new RunSettings(stopTimeout, 7, http),
                    notices::add);
                 WorkerAgent worker = new WorkerAgent(new WorkerSettings("127.0.0.1", master.port(), TestCluster.TOKEN, "w1", 1,
                         TestCluster.VERSION, null, Duration.ofSeconds(10)), new ClassBytesScenarioBuilder(getClass().getClassLoader()),
                         h -> new SocketSessionFactory(new HttpClientConfig(URI.create(h.baseUri()), h.connectTimeout(),
                                 h.readTimeout(), h.insecure(), h.maxConnections(), h.userAgent())), line -> { })) {
                worker.start();
                assertThat(master.awaitWorkers(1, Duration.ofSeconds(20))).isTrue();
                master.apply(new LoadTarget.Users(3, 100), System.nanoTime());
                TestCluster.await("3 users in their sleep", Duration.ofSeconds(10), () -> master.runningUsers() == 3);
                long stop = System.nanoTime();
                master.stopAll();
                long stopMillis = (System.nanoTime() - stop) / 1_000_000;
                long merged = master.measure().stats().total().count();
                server.catchUp();
                System.err.printf("stopAll took %d ms; merged %d, server %d%n", stopMillis, merged, server.requestCount());
                // longer than the stop timeout + 5 s the master used to wait at most
                assertThat(stopMillis).isGreaterThan(stopTimeout.plus(Heartbeats.LOST_AFTER).toMillis());
                assertThat(notices).noneMatch(n -> n.contains("did not report its end"));
                assertThat(merged).isEqualTo(3).isEqualTo(server.requestCount());
            }
        }
    }
}
