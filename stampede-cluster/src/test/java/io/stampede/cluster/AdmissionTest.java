package io.stampede.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.run.LoadTarget;
import io.stampede.core.spec.ScenarioException;
import io.stampede.testkit.TargetServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Who a master admits: the right token, the same Stampede version, over TLS when it asks for it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdmissionTest {
    @TempDir
    Path dir;

    @Test
    void aWorkerWithTheWrongTokenIsRefusedAndLogged() throws Exception {
        try (TargetServer server = TargetServer.start(); TestCluster cluster = TestCluster.start(server)) {
            WorkerSettings s = cluster.settings("intruder", 1);
            WorkerAgent w = cluster.addWorker(new WorkerSettings(s.masterHost(), s.masterPort(), "guess", s.node(),
                    s.capacity(), s.stampedeVersion(), null, s.connectWithin()));
            assertThat(w.awaitEnd(Duration.ofSeconds(10))).isTrue();
            assertThat(w.endReason()).contains("refused by the master").contains("wrong cluster token");
            assertThat(cluster.notice("intruder")).startsWith("worker intruder (127.0.0.1:")
                    .endsWith("refused: wrong cluster token");
            assertThat(cluster.master.workers()).isEmpty();
        }
    }

    @Test
    void aWorkerOfAnotherVersionIsRefusedNamingBoth() throws Exception {
        try (TargetServer server = TargetServer.start(); TestCluster cluster = TestCluster.start(server)) {
            WorkerSettings s = cluster.settings("old", 1);
            WorkerAgent w = cluster.addWorker(new WorkerSettings(s.masterHost(), s.masterPort(), s.token(), s.node(),
                    s.capacity(), "0.0.9", null, s.connectWithin()));
            assertThat(w.awaitEnd(Duration.ofSeconds(10))).isTrue();
            String expected = "it runs Stampede 0.0.9 and this master runs Stampede " + TestCluster.VERSION;
            assertThat(w.endReason()).contains(expected);
            assertThat(cluster.notice("old (")).contains("refused: " + expected);
            assertThat(cluster.master.workers()).isEmpty();
        }
    }

    @Test
    void aWorkerThatCannotBuildTheScenarioLeavesSayingWhy() throws Exception {
        try (TargetServer server = TargetServer.start(); TestCluster cluster = TestCluster.start(server)) {
            WorkerAgent w = new WorkerAgent(cluster.settings("broken", 1), scenario -> {
                throw new ScenarioException("no user class found");
            }, h -> { throw new AssertionError("no engine without a scenario"); }, line -> { });
            w.start();
            assertThat(w.awaitEnd(Duration.ofSeconds(10))).isTrue();
            assertThat(w.endReason()).isEqualTo("cannot build the scenario: no user class found");
            TestCluster.await("the master says it left", Duration.ofSeconds(5), () -> cluster.noticed(") left: "));
            assertThat(cluster.notice(") left: ")).startsWith("worker broken (127.0.0.1:")
                    .contains("left: cannot build the scenario: no user class found");
        }
    }

    @Test
    void overTlsATrustingWorkerRunsAndAPlaintextOneCannotConnect() throws Exception {
        TlsFiles tls = PemPair.create(dir);
        try (TargetServer server = TargetServer.start();
             TestCluster cluster = new TestCluster(server, new MasterSettings("127.0.0.1", 0, TestCluster.TOKEN,
                     TestCluster.VERSION, tls))) {
            WorkerSettings s = cluster.settings("secure", 1);
            cluster.addWorker(new WorkerSettings(s.masterHost(), s.masterPort(), s.token(), s.node(), s.capacity(),
                    s.stampedeVersion(), tls.certificateChain(), s.connectWithin()));
            assertThat(cluster.master.awaitWorkers(1, Duration.ofSeconds(10))).isTrue();
            cluster.master.apply(new LoadTarget.Users(2, 0), System.nanoTime());
            TestCluster.await("2 users", Duration.ofSeconds(10), () -> cluster.master.runningUsers() == 2);
            Thread.sleep(500);
            cluster.master.stopAll();
            long tool = cluster.master.measure().stats().total().count();
            assertThat(tool).isPositive().isEqualTo(server.requestCount());

            WorkerAgent plain = cluster.addWorker(new WorkerSettings(s.masterHost(), s.masterPort(), s.token(), "plain",
                    1, s.stampedeVersion(), null, Duration.ofSeconds(1)));
            assertThat(plain.awaitEnd(Duration.ofSeconds(15))).isTrue();
            assertThat(plain.endReason()).startsWith("cannot reach the master");
            assertThat(cluster.master.workers()).hasSize(1);
        }
    }
}
