package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.testkit.TargetServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locust's distributed flags end to end: a master and its workers are each the stampede command
 * (in threads of this JVM, talking gRPC on loopback); the master's merged count equals what the
 * server received, a worker with the wrong token is refused, and missing workers end the wait.
 */
@Timeout(120)
class ClusterCommandTest {
    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        return Cli.scenario(dir, "Spread", """
                import io.stampede.*;
                public class Spread extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.02); }
                    @Task void hit() { client.get("/fast"); }
                }
                """);
    }

    @Test
    void aMasterMergesItsWorkersExactlyAndRefusesAWrongToken() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("cluster.json");
            RunningCommand master = RunningCommand.start("-f", scenario().toString(), "-H", server.url(), "-u", "6", "-r", "100", "-t", "3s",
                    "--headless", "--only-summary", "--json-file", json.toString(), "--master", "--master-bind-host",
                    "127.0.0.1", "--master-bind-port", "0", "--expect-workers", "2", "--expect-workers-max-wait", "60s",
                    "--cluster-token", "s3cret");
            String port = String.valueOf(master.masterPort());
            RunningCommand intruder = RunningCommand.start("--worker", "--master-port", port, "--cluster-token", "guess");
            assertThat(intruder.exitWithin(30)).as(intruder.errText()).isEqualTo(ExitCodes.USAGE);
            assertThat(intruder.errText()).contains("refused");
            assertThat(master.errText()).containsIgnoringCase("token");
            RunningCommand w1 = RunningCommand.start("--worker", "--master-port", port, "--cluster-token", "s3cret", "--capacity", "1");
            RunningCommand w2 = RunningCommand.start("--worker", "--master-port", port, "--cluster-token", "s3cret", "--capacity", "2");
            int exit = master.exitWithin(60);
            assertThat(exit).as(master.errText()).isZero();
            assertThat(master.errText()).contains("2 workers connected");
            long reported = Cli.Result.entry(new ObjectMapper().readTree(json.toFile()), "Aggregated")
                    .get("num_requests").asLong();
            assertThat(reported).isPositive().isEqualTo(server.requestCount());
            // the master is gone once its run ended: the workers leave too
            assertThat(w1.exitWithin(30)).as(w1.errText()).isZero();
            assertThat(w2.exitWithin(30)).as(w2.errText()).isZero();
            // one connection per user, wherever it ran, plus the master's reachability check
            assertThat(server.connectionCount()).isEqualTo(6 + 1);
        }
    }

    @Test
    void workersThatNeverComeEndTheWaitWithExitSeven() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            Cli.Result r = Cli.run("-f", scenario().toString(), "-H", server.url(), "-u", "2", "-t", "2s", "--headless",
                    "--master", "--master-bind-host", "127.0.0.1", "--master-bind-port", "0", "--expect-workers", "1",
                    "--expect-workers-max-wait", "1s", "--cluster-token", "s3cret");
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.WORKERS_MISSING);
            assertThat(r.err()).contains("only 0 of 1 workers connected within 1s").doesNotContain("\tat ");
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void aClusterNeedsAToken() throws Exception {
        Cli.Result r = Cli.run("--worker", "--master-port", "1");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--cluster-token").contains("STAMPEDE_CLUSTER_TOKEN");
    }
}
