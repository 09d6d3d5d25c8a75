package io.stampede.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.http.HttpClientConfig;
import io.stampede.http.SocketSessionFactory;
import io.stampede.testkit.TargetServer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker that joins but takes a while to build the scenario (a large shipped --classpath) does
 * not count as here yet: the master's wait for its workers ends only when they can run users, so
 * a run does not start with workers that miss its first seconds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlowBuildTest {
    private static final long BUILD_MILLIS = 1500;

    @Test
    void theMasterWaitsUntilAJoinedWorkerHasBuiltTheScenario() throws Exception {
        AtomicBoolean built = new AtomicBoolean();
        ClassBytesScenarioBuilder real = new ClassBytesScenarioBuilder(getClass().getClassLoader());
        ScenarioBuilder slow = scenario -> {
            try {
                Thread.sleep(BUILD_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            var specs = real.build(scenario);
            built.set(true);
            return specs;
        };
        try (TargetServer server = TargetServer.start()) {
            HttpSettings http = new HttpSettings(server.url(), Duration.ofSeconds(5), Duration.ofSeconds(10), false, 0, "slow");
            try (MasterController master = new MasterController(new MasterSettings("127.0.0.1", 0, TestCluster.TOKEN,
                    TestCluster.VERSION, null), TestCluster.scenario(Hitter.class),
                    new RunSettings(Duration.ofSeconds(2), 7, http), line -> { });
                 WorkerAgent worker = new WorkerAgent(new WorkerSettings("127.0.0.1", master.port(), TestCluster.TOKEN, "w1", 1,
                         TestCluster.VERSION, null, Duration.ofSeconds(10)), slow,
                         h -> new SocketSessionFactory(new HttpClientConfig(URI.create(h.baseUri()), h.connectTimeout(),
                                 h.readTimeout(), h.insecure(), h.maxConnections(), h.userAgent())), line -> { })) {
                long start = System.nanoTime();
                worker.start();
                // joined at once, but not ready: a short wait ends false
                TestCluster.await("w1 joined", Duration.ofSeconds(10), () -> master.workers().size() == 1);
                assertThat(master.awaitWorkers(1, Duration.ofMillis(200))).isFalse();
                assertThat(master.awaitWorkers(1, Duration.ofSeconds(20))).isTrue();
                long waitedMillis = (System.nanoTime() - start) / 1_000_000;
                assertThat(built).as("the scenario was built when the wait ended").isTrue();
                assertThat(waitedMillis).isGreaterThanOrEqualTo(BUILD_MILLIS);
                real.close();
            }
        }
    }
}
