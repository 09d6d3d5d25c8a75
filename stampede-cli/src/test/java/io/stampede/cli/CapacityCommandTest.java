package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.testkit.TargetServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** 'stampede capacity' wired end to end: steps, the SLO judged per step, the table and the JSON. */
@Timeout(120)
class CapacityCommandTest {
    @TempDir
    Path dir;

    @Test
    void stepsUpToTheMaximumWhenEveryStepMeetsTheSlo() throws Exception {
        Path scenario = Cli.scenario(dir, "Probe", """
                import io.stampede.*;
                public class Probe extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.05); }
                    @Task void hit() { client.get("/fast"); }
                }
                """);
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("capacity.json");
            Cli.Result r = Cli.runAsGiven("capacity", "-f", scenario.toString(), "-H", server.url(), "--slo", "p95<2000ms",
                    "--start", "2", "--factor", "2", "--max", "8", "--step-time", "2s", "--json-file", json.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("p95<2000ms");
            JsonNode doc = new ObjectMapper().readTree(json.toFile());
            assertThat(doc.get("steps").size()).isGreaterThanOrEqualTo(3);
            // every request the search sent reached the server, warm-ups included
            assertThat(doc.get("runRequests").asLong()).isPositive().isEqualTo(server.requestCount());
        }
    }

    @Test
    void aBadSloIsOneLineAndExitTwo() throws Exception {
        Cli.Result r = Cli.runAsGiven("capacity", "-f", "x.java", "-H", "http://127.0.0.1:1", "--slo", "p95<<3");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--slo").doesNotContain("\tat ");
    }
}
