package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.testkit.TargetServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A misbehaving server gives failures that name their cause, with the right timings. */
@Timeout(120)
class FailureNamesTest {
    @TempDir
    Path dir;

    @Test
    void eachMisbehaviourHasItsName() throws Exception {
        Path scenario = Cli.scenario(dir, "Misbehaving", """
                import io.stampede.*;
                import java.time.Duration;

                public class Misbehaving extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.02); }
                    @Task void reset() { client.get("/reset"); }
                    @Task void close() { client.get("/close"); }
                    @Task void error() { client.get("/status/500"); }
                    @Task void timeout() { client.request("GET", "/slow?ms=400").timeout(Duration.ofMillis(100)).send(); }
                    @Task void partial() { client.get("/partial"); }
                    @Task void slow() { client.get("/slow?ms=150"); }
                    @Task void notFoundIsFine() {
                        try (CaughtResponse r = client.request("GET", "/status/404").catchResponse()) {
                            if (r.status() == 404) r.success();
                        }
                    }
                    @Task void wrongBody() {
                        try (CaughtResponse r = client.request("GET", "/fast").name("/fast-checked").catchResponse()) {
                            if (!r.text().contains("expected")) r.failure("body without 'expected'");
                        }
                    }
                }
                """);
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("f.json");
            Cli.Result r = Cli.run("-f", scenario.toString(), "-H", server.url(), "-u", "4", "-r", "50", "-t", "3s",
                    "--only-summary", "--json-file", json.toString(), "--csv", dir.resolve("f").toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            JsonNode doc = r.json(json);
            Map<String, String> errorByName = new HashMap<>();
            doc.get("failures").forEach(f -> errorByName.put(f.get("name").asText(), f.get("error").asText()));
            assertThat(errorByName).containsEntry("/reset", "connection reset by peer")
                    .containsEntry("/close", "remote end closed connection without response")
                    .containsEntry("/status/500", "HTTP 500 Internal Server Error")
                    .containsEntry("/slow", "read timeout after 100ms")
                    .containsEntry("/partial", "response truncated (expected 100 bytes, got 10)")
                    .containsEntry("/fast-checked", "body without 'expected'")
                    .doesNotContainKey("/status/404");
            JsonNode notFound = Cli.Result.entry(doc, "/status/404");
            assertThat(notFound.get("num_failures").asLong()).isZero();
            assertThat(notFound.get("num_requests").asLong()).isEqualTo(server.requestCount("GET", "/status/404"));
            // both /slow tasks share one row: the 150 ms successes and the 100 ms timeouts
            JsonNode slow = Cli.Result.entry(doc, "/slow");
            assertThat(slow.get("min_response_time").asDouble()).isBetween(95.0, 150.0);
            assertThat(slow.get("max_response_time").asDouble()).isBetween(150.0, 400.0);
            JsonNode total = Cli.Result.entry(doc, "Aggregated");
            // no silent retries: the server saw exactly what was reported, failures included
            assertThat(total.get("num_requests").asLong()).isEqualTo(server.requestCount());
            assertThat(Files.readString(dir.resolve("f_failures.csv"))).contains("GET,/reset,connection reset by peer,");
            assertThat(r.out()).contains("Error report").contains("HTTP 500 Internal Server Error");
        }
    }

    @Test
    void refusedConnectionsDuringTheRunAreFailuresNamedAsSuch() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path scenario = Cli.scenario(dir, "Elsewhere", """
                import io.stampede.*;

                public class Elsewhere extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.05); }
                    @Task void home() { client.get("/fast"); }
                    @Task void other() { client.get("http://127.0.0.1:%d/x"); }
                }
                """.formatted(closedPort));
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("e.json");
            Cli.Result r = Cli.run("-f", scenario.toString(), "-H", server.url(), "-u", "2", "-t", "1s", "-r", "10",
                    "--only-summary", "--json-file", json.toString(), "--exit-code-on-error", "7");
            assertThat(r.exit()).isEqualTo(7);
            JsonNode doc = r.json(json);
            assertThat(doc.get("failures").get(0).get("error").asText()).isEqualTo("connection refused");
            // the refused requests never reached the target; the others all did, and only they
            long home = Cli.Result.entry(doc, "/fast").get("num_requests").asLong();
            assertThat(home).isPositive().isEqualTo(server.requestCount("GET", "/fast")).isEqualTo(server.requestCount());
            JsonNode total = Cli.Result.entry(doc, "Aggregated");
            assertThat(total.get("num_failures").asLong()).isPositive()
                    .isEqualTo(total.get("num_requests").asLong() - home);
        }
    }
}
