package io.stampede.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.run.LoadTarget;
import io.stampede.http.HttpClientConfig;
import io.stampede.http.SocketSessionFactory;
import io.stampede.testkit.TargetServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The control plane at scale: 500 real {@link WorkerAgent}s, each on its own gRPC connection (they
 * share gRPC's default event loop and executor, as the agents of one process do), attach to one
 * master in under 10 s, then heartbeats and per-second intervals flow for all of them. Each worker
 * runs one user (a GET a second), so every interval carries real samples; at the end every worker's
 * requests are in the master's merge exactly, and the merge equals the server's count. The 30 s run
 * with the master in its own process, and its CPU, is {@code bench/run.py cluster-attach}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ControlPlaneScaleTest {
    private static final int WORKERS = 500;
    private static final Duration WINDOW = Duration.ofSeconds(5);

    @Test
    void fiveHundredWorkersAttachWithinTenSecondsAndEveryOnesIntervalsAreMerged() throws Exception {
        ConcurrentLinkedQueue<String> notices = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> workerLog = new ConcurrentLinkedQueue<>();
        List<WorkerAgent> agents = new ArrayList<>();
        try (TargetServer server = TargetServer.start()) {
            HttpSettings http = new HttpSettings(server.url(), Duration.ofSeconds(5), Duration.ofSeconds(10), false, 0, "scale");
            MasterController master = new MasterController(new MasterSettings("127.0.0.1", 0, TestCluster.TOKEN,
                    TestCluster.VERSION, null), TestCluster.scenario(Pacer.class), new RunSettings(Duration.ofSeconds(2), 7, http),
                    notices::add);
            try (master) {
                var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                long attachStart = System.nanoTime();
                for (int i = 1; i <= WORKERS; i++) {
                    WorkerAgent a = new WorkerAgent(new WorkerSettings("127.0.0.1", master.port(), TestCluster.TOKEN, "w" + i, 1,
                            TestCluster.VERSION, null, Duration.ofSeconds(10)),
                            new ClassBytesScenarioBuilder(getClass().getClassLoader()), ControlPlaneScaleTest::transport,
                            workerLog::add);
                    agents.add(a);
                    a.start();
                }
                boolean all = master.awaitWorkers(WORKERS, Duration.ofSeconds(10));
                long attachMillis = (System.nanoTime() - attachStart) / 1_000_000;
                assertThat(all).as("%d of %d attached within 10 s; %s", master.workers().size(), WORKERS, notices).isTrue();

                master.apply(new LoadTarget.Users(WORKERS, WORKERS), System.nanoTime());
                TestCluster.await("one user running on every worker", Duration.ofSeconds(20),
                        () -> master.settled() && master.runningUsers() == WORKERS);
                // the window: what the run driver does, one measure() a second
                long cpuStart = cpu.getProcessCpuTime();
                long windowStart = System.nanoTime();
                long merged = 0;
                for (int s = 0; s < WINDOW.toSeconds(); s++) {
                    Thread.sleep(1000);
                    merged += master.measure().stats().total().count();
                }
                long windowNanos = System.nanoTime() - windowStart;
                long cpuNanos = cpu.getProcessCpuTime() - cpuStart;
                assertThat(master.workers()).as("nobody lost: %s", notices).hasSize(WORKERS);
                master.stopAll();
                merged += master.measure().stats().total().count();

                assertThat(notices).noneMatch(n -> n.contains("lost") || n.contains("did not report"));
                for (WorkerAgent a : agents) {
                    assertThat(a.sentRequests()).as("%s sent intervals with requests", a.name()).isPositive();
                    assertThat(master.reportedRequests(a.name())).as("%s's intervals all merged", a.name())
                            .isEqualTo(a.sentRequests());
                }
                server.catchUp();
                assertThat(merged).isEqualTo(server.requestCount()).isGreaterThanOrEqualTo(WORKERS * WINDOW.toSeconds());
                System.err.printf("%d workers attached in %d ms; %d requests merged; in the %d s window the whole test process"
                                + " (master, %d workers, server) used %.2f CPU-s (%.0f%% of one core)%n", WORKERS, attachMillis,
                        merged, WINDOW.toSeconds(), WORKERS, cpuNanos / 1e9, 100.0 * cpuNanos / windowNanos);
            }
            // the master closed their streams: every agent ends on its own
            for (WorkerAgent a : agents) {
                assertThat(a.awaitEnd(Duration.ofSeconds(10))).as("%s ended", a.name()).isTrue();
            }
        }
    }

    private static SocketSessionFactory transport(HttpSettings h) {
        return new SocketSessionFactory(new HttpClientConfig(URI.create(h.baseUri()), h.connectTimeout(), h.readTimeout(),
                h.insecure(), h.maxConnections(), h.userAgent()));
    }
}
