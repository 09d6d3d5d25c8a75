package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.core.output.Output;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.testkit.TargetServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One faulty output (a web client gone, a full disk) must not cost the other outputs their files:
 * beside an output that throws on every call, the CSV and JSON are complete and equal what the
 * server received.
 */
@Timeout(120)
class FaultyOutputTest {
    @TempDir
    Path dir;

    /** Throws on every interval and snapshot; on finish too when asked. */
    static final class Faulty implements Output {
        private final boolean failFinish;
        volatile int calls;

        Faulty(boolean failFinish) {
            this.failFinish = failFinish;
        }

        @Override
        public void onInterval(StatsInterval interval) {
            calls++;
            throw new IllegalStateException("client went away");
        }

        @Override
        public void onSnapshot(StatsSnapshot snapshot) {
            calls++;
            throw new IllegalStateException("client went away");
        }

        @Override
        public void finish(RunResult result) throws IOException {
            if (failFinish) {
                throw new IOException("No space left on device");
            }
        }
    }

    private record Run(int exit, String err) {
    }

    private Run run(Path scenario, TargetServer server, Output extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {"-f", scenario.toString(), "-H", server.url(), "-u", "4", "-r", "100", "-t", "3s", "--headless",
            "--only-summary", "--csv", dir.resolve("run").toString(), "--json-file", dir.resolve("run.json").toString()};
        int exit = new Main().execute(args, new ProcessContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()), List.of(extra));
        return new Run(exit, err.toString(StandardCharsets.UTF_8));
    }

    private void assertFilesHoldEveryRequest(TargetServer server) throws IOException {
        long served = server.requestCount();
        assertThat(served).isGreaterThan(100);
        JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertThat(Cli.Result.entry(doc, "Aggregated").get("num_requests").asLong()).isEqualTo(served);
        List<String> csv = Files.readAllLines(dir.resolve("run_stats.csv"));
        assertThat(csv.get(csv.size() - 1)).startsWith(",Aggregated," + served + ",0,");
        List<String> history = Files.readAllLines(dir.resolve("run_stats_history.csv"));
        assertThat(history.size()).isGreaterThan(2);
        assertThat(history.get(history.size() - 1)).contains("," + served + ",0,");
    }

    private Path scenario() throws IOException {
        return Cli.scenario(dir, "Steady", """
                import io.stampede.*;
                public class Steady extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.01); }
                    @Task void hit() { client.get("/fast"); }
                }
                """);
    }

    @Test
    void anOutputThatThrowsOnEverySnapshotCostsTheFilesNothing() throws Exception {
        Faulty faulty = new Faulty(false);
        try (TargetServer server = TargetServer.start()) {
            Run r = run(scenario(), server, faulty);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(faulty.calls).isEqualTo(1);
            assertThat(r.err().lines().filter(l -> l.contains("Faulty failed"))).singleElement().asString()
                    .contains("client went away").doesNotContain("\tat ");
            assertFilesHoldEveryRequest(server);
        }
    }

    @Test
    void anOutputThatCannotFinishExitsFiveAfterTheOthersWroteTheirs() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            Run r = run(scenario(), server, new Faulty(true));
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.INTERNAL);
            assertThat(r.err()).contains("Faulty could not finish: IOException: No space left on device")
                    .doesNotContain("\tat ");
            assertFilesHoldEveryRequest(server);
        }
    }
}
