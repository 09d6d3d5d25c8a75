package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.testkit.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real load against a real server: what the server received is exactly what Stampede reports. */
@Timeout(120)
class CountsMatchServerTest {
    @TempDir
    Path dir;

    @Test
    void requestCountsEqualTheServersAndWeightsHold() throws Exception {
        Path scenario = Cli.scenario(dir, "Weighted", """
                import io.stampede.*;

                public class Weighted extends HttpUser {
                    @Task(1) void a() { client.get("/fast?x=1"); }
                    @Task(3) void b() { client.request("GET", "/slow?ms=1").name("slow").send(); }
                    @Task(6) void c() { client.post("/echo", "{\\"n\\":1}"); }
                }
                """);
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("out.json");
            Cli.Result r = Cli.run("-f", scenario.toString(), "-H", server.url(), "-u", "8", "-r", "100", "-t", "3s",
                    "--headless", "--only-summary", "--json-file", json.toString(), "--csv", dir.resolve("run").toString());
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode doc = r.json(json);
            long a = Cli.Result.entry(doc, "/fast").get("num_requests").asLong();
            long b = Cli.Result.entry(doc, "slow").get("num_requests").asLong();
            long c = Cli.Result.entry(doc, "/echo").get("num_requests").asLong();
            long total = Cli.Result.entry(doc, "Aggregated").get("num_requests").asLong();
            assertThat(a).isEqualTo(server.requestCount("GET", "/fast"));
            assertThat(b).isEqualTo(server.requestCount("GET", "/slow"));
            assertThat(c).isEqualTo(server.requestCount("POST", "/echo"));
            assertThat(total).isEqualTo(server.requestCount()).isEqualTo(a + b + c).isGreaterThan(1000);
            // keep-alive: one connection per user, plus the reachability check before the run
            assertThat(server.connectionCount()).isEqualTo(8 + 1);
            assertThat((double) a / total).isCloseTo(0.1, within(0.03));
            assertThat((double) b / total).isCloseTo(0.3, within(0.03));
            assertThat((double) c / total).isCloseTo(0.6, within(0.03));
            List<String> csv = Files.readAllLines(dir.resolve("run_stats.csv"));
            assertThat(csv.get(0)).isEqualTo("Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
                    + "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,"
                    + "98%,99%,99.9%,99.99%,100%");
            assertThat(csv.get(csv.size() - 1)).startsWith(",Aggregated," + total + ",0,");
            List<String> history = Files.readAllLines(dir.resolve("run_stats_history.csv"));
            assertThat(history.get(history.size() - 1)).contains(",Aggregated,").contains("," + total + ",0,");
        }
    }

    @Test
    void exceptionsAreCountedAndTheUserKeepsRunning() throws Exception {
        Path scenario = Cli.scenario(dir, "Buggy", """
                import io.stampede.*;

                public class Buggy extends HttpUser {
                    int n;
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.01); }
                    @Task void work() {
                        client.get("/fast");
                        if (++n % 2 == 0) throw new IllegalStateException("every second time");
                    }
                }
                """);
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("b.json");
            Cli.Result r = Cli.run("-f", scenario.toString(), "-H", server.url(), "-u", "2", "-r", "10", "-t", "2s",
                    "--only-summary", "--json-file", json.toString(), "--csv", dir.resolve("b").toString());
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode doc = r.json(json);
            long requests = Cli.Result.entry(doc, "Aggregated").get("num_requests").asLong();
            assertThat(requests).isEqualTo(server.requestCount()).isGreaterThan(20);
            JsonNode ex = doc.get("exceptions").get(0);
            assertThat(ex.get("message").asText()).isEqualTo("IllegalStateException: every second time");
            assertThat(ex.get("count").asLong()).isBetween(requests / 2 - 2, requests / 2 + 2);
            assertThat(ex.get("traceback").asText()).contains("at Buggy.work(Buggy.java:8)").doesNotContain("io.stampede.core");
            assertThat(r.out()).contains("Exceptions in scenario code");
            assertThat(Files.readString(dir.resolve("b_exceptions.csv"))).startsWith("Count,Message,Traceback,Nodes");
        }
    }
}
