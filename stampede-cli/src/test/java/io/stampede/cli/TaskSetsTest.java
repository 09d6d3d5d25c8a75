package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.testkit.Handler;
import io.stampede.testkit.Reply;
import io.stampede.testkit.TargetServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Nested and sequential task sets, as Locust users write them, judged by the order the server saw. */
@Timeout(120)
class TaskSetsTest {
    @TempDir
    Path dir;

    @Test
    void aSequentialTaskSetRunsItsStepsInOrderAndRepeatsByWeight() throws Exception {
        Path scenario = Cli.scenario(dir, "Journey", """
                import io.stampede.*;

                public class Journey extends HttpUser {
                    @Task static class Checkout extends SequentialTaskSet<Journey> {
                        @Task(order = 3) void pay() { client().get("/step?n=pay"); interrupt(); }
                        @Task(order = 1) void browse() { client().get("/step?n=browse"); }
                        @Task(value = 2, order = 2) void view() { client().get("/step?n=view"); }
                    }
                    @Task void home() { client.get("/step?n=home"); }
                }
                """);
        List<String> seen = new CopyOnWriteArrayList<>();
        Handler record = r -> {
            seen.add(r.query().get("n"));
            return new Reply.Answer(200, "text/plain", "ok".getBytes(), false);
        };
        try (TargetServer server = TargetServer.start(Map.of("/step", record))) {
            Path json = dir.resolve("j.json");
            Cli.Result r = Cli.run("-f", scenario.toString(), "-H", server.url(), "-u", "1", "-t", "2s",
                    "--only-summary", "--json-file", json.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(seen.size()).isGreaterThan(50);
            // outside the journey only "home"; inside it browse, view, view, pay, then back to the user
            for (int i = 0; i < seen.size(); i++) {
                if (seen.get(i).equals("browse")) {
                    List<String> journey = seen.subList(i, Math.min(i + 4, seen.size()));
                    assertThat(List.of("browse", "view", "view", "pay").subList(0, journey.size())).isEqualTo(journey);
                    i += journey.size() - 1;
                } else {
                    assertThat(seen.get(i)).as("request %d of %s", i, seen).isEqualTo("home");
                }
            }
            assertThat(seen).contains("pay", "home");
            JsonNode doc = r.json(json);
            assertThat(Cli.Result.entry(doc, "Aggregated").get("num_requests").asLong()).isEqualTo(seen.size());
        }
    }

    @Test
    void aSequentialTaskWithoutItsPlaceIsAScenarioError() throws Exception {
        Path scenario = Cli.scenario(dir, "NoOrder", """
                import io.stampede.*;

                public class NoOrder extends HttpUser {
                    @Task static class Steps extends SequentialTaskSet<NoOrder> {
                        @Task void first() { client().get("/fast"); }
                    }
                }
                """);
        try (TargetServer server = TargetServer.start()) {
            Cli.Result r = Cli.run("-f", scenario.toString(), "-H", server.url(), "-t", "1s");
            assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
            assertThat(r.err()).startsWith("stampede: ")
                    .contains("Steps.first: a task of a SequentialTaskSet needs its place, @Task(order = N)");
            server.catchUp();
            assertThat(server.connectionCount()).as("refused before the run: not even the reachability check").isZero();
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void aNestedTaskSetPicksByWeightUntilItInterrupts() throws Exception {
        Path scenario = Cli.scenario(dir, "Forum", """
                import io.stampede.*;

                public class Forum extends HttpUser {
                    @Task(3) static class Read extends TaskSet<Forum> {
                        @Task(4) void thread() { client().get("/fast?in=set"); }
                        @Task void leave() { interrupt(); }
                    }
                    @Task void index() { client.get("/echo"); }
                }
                """);
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("f.json");
            Cli.Result r = Cli.run("-f", scenario.toString(), "-H", server.url(), "-u", "4", "-r", "100", "-t", "2s",
                    "--only-summary", "--json-file", json.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            long inSet = server.requestCount("GET", "/fast");
            long outside = server.requestCount("GET", "/echo");
            // each visit to the set makes 4 requests on average before leaving, and the set is picked 3:1
            assertThat((double) inSet / outside).isBetween(8.0, 16.0);
            assertThat(Cli.Result.entry(r.json(json), "Aggregated").get("num_requests").asLong()).isEqualTo(inSet + outside);
        }
    }
}
