package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.testkit.Handler;
import io.stampede.testkit.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Stages, step load, shapes and the open model, judged by what the server saw over time. */
@Timeout(120)
class LoadModelsTest {
    @TempDir
    Path dir;

    private Path oneRequestUser(String name, String path, String wait) throws Exception {
        return Cli.scenario(dir, name, """
                import io.stampede.*;
                public class %s extends HttpUser {
                    @Override protected WaitTime waitTime() { return %s; }
                    @Task void hit() { client.get("%s"); }
                }
                """.formatted(name, wait, path));
    }

    @Test
    void arrivalRateIsHeldWhileTheServersLatencyVaries() throws Exception {
        ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
        Handler vary = r -> {
            arrivals.add(System.nanoTime());
            Thread.sleep(ThreadLocalRandom.current().nextInt(0, 30)); // 0-30 ms, changing all the time
            return new io.stampede.testkit.Reply.Answer(200, "text/plain", "ok".getBytes(), false);
        };
        Path scenario = oneRequestUser("Open", "/vary", "WaitTime.constant(0)");
        try (TargetServer server = TargetServer.start(Map.of("/vary", vary))) {
            Path json = dir.resolve("a.json");
            Cli.Result r = Cli.run("-f", scenario.toString(), "-H", server.url(), "--arrival-rate", "1000/s", "-t", "3s",
                    "--pre-allocated-users", "20", "--max-users", "300", "--only-summary", "--json-file", json.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode doc = r.json(json);
            long seen = server.requestCount("GET", "/vary");
            // exactly the plan's integral, even when a busy machine delays the scheduler's last tick past the stop
            assertThat(doc.get("arrival").get("scheduled").asLong()).isEqualTo(3000L);
            assertThat(doc.get("arrival").get("dropped").asLong()).isLessThanOrEqualTo(30L);
            assertThat(seen).isBetween(2940L, 3060L).isEqualTo(Cli.Result.entry(doc, "Aggregated").get("num_requests").asLong());
            // and evenly over time: each whole second of the run got its thousand, within 5%
            List<Long> sorted = new ArrayList<>(arrivals);
            sorted.sort(Long::compare);
            long first = sorted.get(0);
            for (int second = 0; second < 2; second++) {
                long from = first + second * 1_000_000_000L;
                long to = from + 1_000_000_000L;
                long inSecond = sorted.stream().filter(t -> t >= from && t < to).count();
                assertThat(inSecond).as("requests in second %d", second).isBetween(950L, 1050L);
            }
        }
    }

    @Test
    void aServerStallShowsInTheCorrectedPercentilesOnly() throws Exception {
        AtomicReference<TargetServer> self = new AtomicReference<>();
        AtomicLong calls = new AtomicLong();
        Handler stallOnce = r -> {
            if (calls.incrementAndGet() == 150) {
                self.get().stall(2000); // a 2 s pause, as in a long GC, once
            }
            return new io.stampede.testkit.Reply.Answer(200, "text/plain", "ok".getBytes(), false);
        };
        Path scenario = oneRequestUser("Stalled", "/stall", "WaitTime.constant(0)");
        try (TargetServer server = TargetServer.start(Map.of("/stall", stallOnce))) {
            self.set(server);
            Path json = dir.resolve("s.json");
            Cli.Result r = Cli.run("-f", scenario.toString(), "-H", server.url(), "--arrival-rate", "100/s", "-t", "5s",
                    "--pre-allocated-users", "2", "--max-users", "2", "--only-summary", "--json-file", json.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode doc = r.json(json);
            double corrected = Cli.Result.entry(doc, "Aggregated").get("percentiles").get("99").asDouble();
            JsonNode raw = null;
            for (JsonNode e : doc.get("uncorrected_stats")) {
                if (e.get("name").asText().equals("Aggregated")) {
                    raw = e;
                }
            }
            double uncorrected = raw.get("percentiles").get("99").asDouble();
            assertThat(corrected).as("corrected p99").isGreaterThan(1500);
            assertThat(uncorrected).as("uncorrected p99").isLessThan(200);
            assertThat(raw.get("max_response_time").asDouble()).isGreaterThan(1500); // the stalled requests themselves
            assertThat(r.err()).contains("iterations are starting late");
            assertThat(r.out()).contains("Latency from intended start (corrected)");
            assertThat(server.requestCount("GET", "/stall")).isEqualTo(Cli.Result.entry(doc, "Aggregated").get("num_requests").asLong());
        }
    }

    @Test
    void stepLoadRunsThePlannedUsersPerStepAndFindsTheKnee() throws Exception {
        // a server that serves at most 30 requests/s, like the demo's pool: more users only wait longer
        java.util.concurrent.Semaphore capacity = new java.util.concurrent.Semaphore(3);
        Handler limited = r -> {
            capacity.acquire();
            try {
                Thread.sleep(100);
            } finally {
                capacity.release();
            }
            return new io.stampede.testkit.Reply.Answer(200, "text/plain", "ok".getBytes(), false);
        };
        Path scenario = oneRequestUser("Stepper", "/limited", "WaitTime.constantPacing(0.2)");
        try (TargetServer server = TargetServer.start(Map.of("/limited", limited))) {
            Path json = dir.resolve("step.json");
            Cli.Result r = Cli.run("-f", scenario.toString(), "-H", server.url(), "-u", "12", "-r", "100",
                    "--step-users", "2", "--step-time", "1500ms", "--only-summary", "--json-file", json.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode phases = r.json(json).get("phases");
            assertThat(phases).hasSize(6);
            List<Integer> users = new ArrayList<>();
            List<Double> rps = new ArrayList<>();
            long sum = 0;
            for (JsonNode p : phases) {
                users.add(p.get("users").asInt());
                JsonNode total = p.get("stats").get(p.get("stats").size() - 1);
                rps.add(total.get("requests_per_sec").asDouble());
                sum += total.get("num_requests").asLong();
            }
            assertThat(users).containsExactly(2, 4, 6, 8, 10, 12);
            // 2 users at 5/s each: about 10 req/s; later steps flatten at the server's 30 req/s
            assertThat(rps.get(0)).isBetween(7.0, 12.0);
            assertThat(rps.get(5)).isBetween(24.0, 33.0);
            assertThat(sum).isEqualTo(server.requestCount("GET", "/limited"));
            assertThat(r.out()).contains("Per step").contains("Knee: throughput stopped growing");
        }
    }

    @Test
    void stagesFromTheScenarioFileRampUpAndDown() throws Exception {
        Path scenario = Cli.scenario(dir, "Staged", """
                import io.stampede.*;
                @Stages("1s:6,1s:6,1s:0")
                public class Staged extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.05); }
                    @Task void hit() { client.get("/fast"); }
                }
                """);
        try (TargetServer server = TargetServer.start()) {
            Path prefix = dir.resolve("st");
            Path json = dir.resolve("st.json");
            Cli.Result r = Cli.run("-f", scenario.toString(), "-H", server.url(), "--only-summary", "--csv", prefix.toString(),
                    "--json-file", json.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("stages 1s:6 1s:6 1s:0").contains("run time reached");
            List<Integer> userCounts = Files.readAllLines(dir.resolve("st_stats_history.csv")).stream().skip(1)
                    .map(l -> Integer.parseInt(l.split(",")[1])).toList();
            assertThat(userCounts).contains(6);
            assertThat(userCounts.get(userCounts.size() - 1)).isLessThan(6);
            assertThat(server.connectionCount()).isEqualTo(6 + 1);
            assertThat(Cli.Result.entry(r.json(json), "Aggregated").get("num_requests").asLong())
                    .isPositive().isEqualTo(server.requestCount("GET", "/fast")).isEqualTo(server.requestCount());
        }
    }

    @Test
    void aLoadShapeInTheScenarioDrivesTheRun() throws Exception {
        Path scenario = Cli.scenario(dir, "Shaped", """
                import io.stampede.*;
                import java.time.Duration;

                public class Shaped extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.05); }
                    @Task void hit() { client.get("/fast"); }

                    public static class Day extends LoadShape {
                        public Target tick(Duration elapsed) {
                            if (elapsed.toMillis() < 1000) return target(2, 100);
                            if (elapsed.toMillis() < 2500) return target(5, 100);
                            return null;
                        }
                    }
                }
                """);
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("shape.json");
            Cli.Result r = Cli.run("-f", scenario.toString(), "-H", server.url(), "--only-summary", "--json-file", json.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode doc = r.json(json);
            assertThat(doc.get("stop_reason").asText()).isEqualTo("load shape ended");
            assertThat(doc.get("user_count").asInt()).isEqualTo(5);
            assertThat(doc.get("duration_s").asDouble()).isBetween(2.4, 4.5);
            assertThat(server.connectionCount()).isEqualTo(5 + 1);
            assertThat(Cli.Result.entry(doc, "Aggregated").get("num_requests").asLong())
                    .isPositive().isEqualTo(server.requestCount("GET", "/fast")).isEqualTo(server.requestCount());
        }
    }

    @Test
    void aLoadShapeChoosesWhichUserClassesRun() throws Exception {
        Path scenario = Cli.scenario(dir, "Shift", """
                import io.stampede.*;
                import java.time.Duration;

                public class Shift {
                    public static class Morning extends HttpUser {
                        @Override protected WaitTime waitTime() { return WaitTime.constant(0.02); }
                        @Task void hit() { client.get("/morning"); }
                    }
                    public static class Evening extends HttpUser {
                        @Override protected WaitTime waitTime() { return WaitTime.constant(0.02); }
                        @Task void hit() { client.get("/evening"); }
                    }
                    public static class Day extends LoadShape {
                        public Target tick(Duration elapsed) {
                            if (elapsed.toMillis() < 1500) return target(4, 100, Morning.class);
                            if (elapsed.toMillis() < 3000) return target(6, 100, Evening.class);
                            return null;
                        }
                    }
                }
                """);
        Map<String, ConcurrentLinkedQueue<Long>> seen = Map.of("/morning", new ConcurrentLinkedQueue<>(),
                "/evening", new ConcurrentLinkedQueue<>());
        Map<String, Handler> routes = new java.util.HashMap<>();
        seen.forEach((path, times) -> routes.put(path, r -> {
            times.add(System.nanoTime());
            return new io.stampede.testkit.Reply.Answer(200, "text/plain", "ok".getBytes(), false);
        }));
        try (TargetServer server = TargetServer.start(routes)) {
            Path json = dir.resolve("shift.json");
            Cli.Result r = Cli.run("-f", scenario.toString(), "-H", server.url(), "--only-summary", "--json-file", json.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode doc = r.json(json);
            assertThat(doc.get("stop_reason").asText()).isEqualTo("load shape ended");
            for (String path : List.of("/morning", "/evening")) {
                assertThat(Cli.Result.entry(doc, path).get("num_requests").asLong()).as(path)
                        .isPositive().isEqualTo(seen.get(path).size()).isEqualTo(server.requestCount("GET", path));
            }
            assertThat(Cli.Result.entry(doc, "Aggregated").get("num_requests").asLong()).isEqualTo(server.requestCount());
            long lastMorning = seen.get("/morning").stream().mapToLong(Long::longValue).max().orElseThrow();
            long firstEvening = seen.get("/evening").stream().mapToLong(Long::longValue).min().orElseThrow();
            long firstMorning = seen.get("/morning").stream().mapToLong(Long::longValue).min().orElseThrow();
            // morning users only in the first 1.5 s, evening users only after; none of either at the wrong time
            assertThat((firstEvening - firstMorning) / 1e6).isBetween(1000.0, 2500.0);
            assertThat((lastMorning - firstEvening) / 1e6).isLessThan(100.0);
            assertThat(server.connectionCount()).isEqualTo(4 + 6 + 1);
        }
    }

    @Test
    void failedThresholdsExitWith4AndShowInJUnitXml() throws Exception {
        Path scenario = Cli.scenario(dir, "Gated", """
                import io.stampede.*;
                @Thresholds({"fail_ratio<0.01"})
                public class Gated extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.02); }
                    @Task void slow() { client.get("/slow?ms=20"); }
                    @Task void ok() { check("status is 200", client.get("/fast").status() == 200); }
                }
                """);
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("t.json");
            Path junit = dir.resolve("junit.xml");
            Cli.Result r = Cli.run("-f", scenario.toString(), "-H", server.url(), "-u", "2", "-r", "10", "-t", "2s",
                    "--threshold", "p95<5ms", "--threshold", "GET /fast:p99<1s", "--only-summary",
                    "--json-file", json.toString(), "--junit", junit.toString());
            assertThat(r.exit()).isEqualTo(ExitCodes.THRESHOLD_FAILED);
            JsonNode t = r.json(json).get("thresholds");
            assertThat(t).hasSize(3);
            assertThat(t.get(0).get("threshold").asText()).isEqualTo("p95<5ms");
            assertThat(t.get(0).get("passed").asBoolean()).isFalse();
            assertThat(t.get(0).get("actual").asDouble()).isGreaterThan(19);
            assertThat(t.get(1).get("passed").asBoolean()).isTrue();
            assertThat(t.get(2).get("threshold").asText()).isEqualTo("fail_ratio<0.01");
            assertThat(t.get(2).get("passed").asBoolean()).isTrue();
            String xml = Files.readString(junit);
            assertThat(xml).contains("<testsuite name=\"thresholds\" tests=\"3\" failures=\"1\"")
                    .contains("name=\"p95&lt;5ms\"").contains("<failure message=\"was ")
                    .contains("<testcase classname=\"stampede.checks\" name=\"status is 200\"/>");
            assertThat(r.out()).contains("Thresholds").contains("FAIL");
            JsonNode doc = r.json(json);
            assertThat(Cli.Result.entry(doc, "/slow").get("num_requests").asLong()).isEqualTo(server.requestCount("GET", "/slow"));
            assertThat(Cli.Result.entry(doc, "/fast").get("num_requests").asLong()).isEqualTo(server.requestCount("GET", "/fast"));
            assertThat(Cli.Result.entry(doc, "Aggregated").get("num_requests").asLong())
                    .isPositive().isEqualTo(server.requestCount());
        }
    }

    @Test
    void abortOnThresholdEndsTheRunEarly() throws Exception {
        Path scenario = oneRequestUser("Failing", "/status/500", "WaitTime.constant(0.05)");
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("abort.json");
            long start = System.nanoTime();
            Cli.Result r = Cli.run("-f", scenario.toString(), "-H", server.url(), "-u", "2", "-r", "10", "-t", "60s",
                    "--threshold", "fail_ratio<0.01", "--abort-on-threshold", "--only-summary", "--json-file", json.toString());
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(15);
            assertThat(r.exit()).isEqualTo(ExitCodes.THRESHOLD_FAILED);
            JsonNode doc = r.json(json);
            assertThat(doc.get("stop_reason").asText()).isEqualTo("threshold failed: fail_ratio<0.01 (was 1)");
            JsonNode total = Cli.Result.entry(doc, "Aggregated");
            // every request failed, and every one of them reached the server
            assertThat(total.get("num_failures").asLong()).isPositive().isEqualTo(total.get("num_requests").asLong())
                    .isEqualTo(server.requestCount("GET", "/status/500")).isEqualTo(server.requestCount());
        }
    }
}
