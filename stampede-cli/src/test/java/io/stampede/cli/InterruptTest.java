package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.testkit.TargetServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (here SIGTERM, which takes the same shutdown path) in a real stampede process: the run ends
 * early and everything measured up to then is in the summary and the files, to the request.
 */
@Timeout(120)
class InterruptTest {
    @TempDir
    Path dir;

    @Test
    void aSignalEndsTheRunAndKeepsEveryMeasuredRequest() throws Exception {
        Path scenario = Cli.scenario(dir, "Busy", """
                import io.stampede.*;

                public class Busy extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.005); }
                    @Task void hit() { client.get("/fast"); }
                }
                """);
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("i.json");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "-f", scenario.toString(), "-H", server.url(), "-u", "5", "-r", "100", "-t", "10m", "--headless",
                    "--only-summary", "--csv", dir.resolve("run").toString(), "--json-file", json.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
            try {
                interruptAndCheck(p, server, json);
            } finally {
                p.destroyForcibly(); // a failed or timed-out test leaves no ten-minute run behind
            }
        }
    }

    /** Waits for the run to get going, signals it, and checks that it kept every request the server saw. */
    private void interruptAndCheck(Process p, TargetServer server, Path json) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.requestCount() < 200 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.requestCount()).as("the run got going").isGreaterThanOrEqualTo(200);
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
        String out = Files.readString(dir.resolve("out.txt"));
        assertThat(out).contains("Run ended (interrupted)").doesNotContain("Exception");
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        long seen = server.requestCount("GET", "/fast");
        assertThat(doc.get("stop_reason").asText()).isEqualTo("interrupted");
        assertThat(Cli.Result.entry(doc, "Aggregated").get("num_requests").asLong()).isEqualTo(seen);
        List<String> stats = Files.readAllLines(dir.resolve("run_stats.csv"));
        assertThat(stats.get(stats.size() - 1)).startsWith(",Aggregated," + seen + ",");
        assertThat(new File(dir.toFile(), "run_stats_history.csv")).exists();
    }
}
