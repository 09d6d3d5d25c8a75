package io.stampede.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.core.output.RunInfo;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.plan.Stage;
import io.stampede.core.run.RunRequest;
import io.stampede.testkit.TargetServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The REST API over a real run (real engine, real HTTP transport, a test server that counts): a
 * script starts a run with POST /swarm, watches /stats/requests, changes the users, stops it, and
 * what the web UI reports equals what the server received, exactly.
 */
@Timeout(120)
class RestEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void swarmWatchChangeStopAndTheCountsAreTheServers() throws Exception {
        try (TargetServer target = TargetServer.start(); LiveRun run = LiveRun.against(target.url())) {
            Http http = new Http(run.server.url());
            JsonNode before = http.json("stats/requests");
            assertThat(before.get("state").asText()).isEqualTo("ready");
            assertThat(before.get("user_count").asInt()).isZero();

            HttpResponse<String> started = http.swarm("2", "20");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            JsonNode answer = Http.parse(started.body());
            assertThat(answer.get("success").asBoolean()).isTrue();
            assertThat(answer.get("host").asText()).isEqualTo(target.url());

            JsonNode running = http.statsUntil(s -> s.get("state").asText().equals("running")
                    && s.get("user_count").asInt() == 2 && Http.aggregated(s).get("num_requests").asLong() > 20, WAIT);
            assertThat(running.get("stats").get(0).get("name").asText()).isEqualTo("/fast");
            assertThat(running.get("stats").get(0).get("method").asText()).isEqualTo("GET");
            assertThat(running.get("total_rps").asDouble()).isPositive();
            assertThat(running.get("current_response_time_percentiles").has("response_time_percentile_0.95")).isTrue();

            HttpResponse<String> changed = http.swarm("5", "50");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            http.statsUntil(s -> s.get("user_count").asInt() == 5 && s.get("target_users").asInt() == 5, WAIT);

            // bad values while running: 400, a message naming the field, and the run goes on as it was
            HttpResponse<String> negative = http.swarm("-1", "5");
            assertThat(negative.statusCode()).isEqualTo(400);
            assertThat(Http.parse(negative.body()).get("success").asBoolean()).isFalse();
            assertThat(Http.parse(negative.body()).get("message").asText()).contains("user_count");
            HttpResponse<String> words = http.swarm("many", "5");
            assertThat(words.statusCode()).isEqualTo(400);
            assertThat(Http.parse(words.body()).get("message").asText()).contains("user_count").contains("many");
            HttpResponse<String> badRate = http.swarm("3", "fast");
            assertThat(badRate.statusCode()).isEqualTo(400);
            assertThat(Http.parse(badRate.body()).get("message").asText()).contains("spawn_rate");
            Thread.sleep(2 * LiveRun.INTERVAL.toMillis());
            JsonNode still = http.json("stats/requests");
            assertThat(still.get("user_count").asInt()).isEqualTo(5);
            assertThat(still.get("target_users").asInt()).isEqualTo(5);
            assertThat(still.get("state").asText()).isEqualTo("running");

            HttpResponse<String> stop = http.get("stop");
            assertThat(stop.statusCode()).isEqualTo(200);
            assertThat(Http.parse(stop.body()).get("success").asBoolean()).isTrue();
            JsonNode stopped = http.statsUntil(s -> s.get("state").asText().equals("stopped"), WAIT);

            long served = target.requestCount();
            assertThat(served).isGreaterThan(50);
            assertThat(Http.aggregated(stopped).get("num_requests").asLong()).isEqualTo(served);
            assertThat(aggregatedCsvCount(http.get("stats/requests/csv"))).isEqualTo(served);
            assertThat(lastLine(http.get("stats/requests_full_history/csv").body())).contains(",Aggregated,")
                    .contains("," + served + ",0,");
            JsonNode summary = Http.parse(http.get("stats/summary/json").body());
            JsonNode summaryTotal = summary.get("stats").get(summary.get("stats").size() - 1);
            assertThat(summaryTotal.get("name").asText()).isEqualTo("Aggregated");
            assertThat(summaryTotal.get("num_requests").asLong()).isEqualTo(served);
            assertThat(http.get("stats/failures/csv").body()).isEqualTo("Method,Name,Error,Occurrences,First Seen,Last Seen\r\n");
            assertThat(http.json("exceptions").get("exceptions")).isEmpty();
            assertThat(http.get("exceptions/csv").body()).startsWith("Count,Message,Traceback,Nodes");
        }
    }

    @Test
    void aStoppedRunStartsAgainWithItsOwnCounts() throws Exception {
        try (TargetServer target = TargetServer.start(); LiveRun run = LiveRun.against(target.url())) {
            Http http = new Http(run.server.url());
            for (int round = 1; round <= 2; round++) {
                target.reset();
                assertThat(http.swarm("1", "10").statusCode()).isEqualTo(200);
                http.statsUntil(s -> s.get("state").asText().equals("running")
                        && Http.aggregated(s).get("num_requests").asLong() > 5, WAIT);
                http.get("stop");
                JsonNode stopped = http.statsUntil(s -> s.get("state").asText().equals("stopped"), WAIT);
                assertThat(Http.aggregated(stopped).get("num_requests").asLong()).as("round " + round)
                        .isEqualTo(target.requestCount());
            }
        }
    }

    @Test
    void aRunTheCommandLineStartedIsDrivenFromThePage() throws Exception {
        try (TargetServer target = TargetServer.start(); LiveRun run = LiveRun.against(target.url())) {
            Http http = new Http(run.server.url());
            LoadPlan plan = LoadPlan.stages(List.of(new Stage(Duration.ofSeconds(1), 3), new Stage(Duration.ofMinutes(5), 3)));
            var result = run.control.start(new RunRequest(plan, new RunInfo(target.url(), List.of("Hitter"), plan.description(),
                    System.currentTimeMillis())), 3);
            http.statsUntil(s -> s.get("user_count").asInt() == 3 && s.get("target_users").asInt() == 3, WAIT);
            assertThat(http.swarm("1", "10").statusCode()).isEqualTo(200);
            http.statsUntil(s -> s.get("user_count").asInt() == 1, WAIT);
            http.get("stop");
            assertThat(result.get(20, java.util.concurrent.TimeUnit.SECONDS).stats().total().count())
                    .isEqualTo(target.requestCount());
        }
    }

    @Test
    void resetStatsCountsAgainFromNow() throws Exception {
        try (TargetServer target = TargetServer.start(); LiveRun run = LiveRun.against(target.url())) {
            Http http = new Http(run.server.url());
            http.swarm("2", "20");
            JsonNode before = http.statsUntil(s -> Http.aggregated(s).get("num_requests").asLong() > 100, WAIT);
            HttpResponse<String> reset = http.get("stats/reset");
            assertThat(reset.body()).isEqualTo("ok");
            long had = Http.aggregated(before).get("num_requests").asLong();
            JsonNode after = http.statsUntil(s -> Http.aggregated(s).get("num_requests").asLong() < had / 2, WAIT);
            assertThat(after.get("state").asText()).isEqualTo("running");
            http.statsUntil(s -> Http.aggregated(s).get("num_requests").asLong() > 20, WAIT);
            http.get("stop");
            JsonNode stopped = http.statsUntil(s -> s.get("state").asText().equals("stopped"), WAIT);
            assertThat(Http.aggregated(stopped).get("num_requests").asLong()).isLessThan(target.requestCount());
        }
    }

    @Test
    void badValuesBeforeAnyRunStartNothing() throws Exception {
        try (TargetServer target = TargetServer.start(); LiveRun run = LiveRun.against(target.url())) {
            Http http = new Http(run.server.url());
            for (List<String> bad : List.of(List.of("-3", "1"), List.of("ten", "1"), List.of("2", "-1"), List.of("", "1"))) {
                HttpResponse<String> r = http.swarm(bad.get(0), bad.get(1));
                assertThat(r.statusCode()).as(bad + ": " + r.body()).isEqualTo(400);
                assertThat(Http.parse(r.body()).get("success").asBoolean()).isFalse();
            }
            HttpResponse<String> badTime = http.post("swarm", Map.of("user_count", "1", "spawn_rate", "1", "run_time", "soon"));
            assertThat(badTime.statusCode()).isEqualTo(400);
            assertThat(Http.parse(badTime.body()).get("message").asText()).contains("run_time");
            HttpResponse<String> badHost = http.post("swarm", Map.of("user_count", "1", "spawn_rate", "1", "host", "ftp://x"));
            assertThat(badHost.statusCode()).isEqualTo(400);
            Thread.sleep(2 * LiveRun.INTERVAL.toMillis());
            assertThat(http.json("stats/requests").get("state").asText()).isEqualTo("ready");
            target.catchUp();
            assertThat(target.requestCount()).isZero();
            assertThat(target.connectionCount()).isZero();
        }
    }

    @Test
    void aRunTimeEndsTheRun() throws Exception {
        try (TargetServer target = TargetServer.start(); LiveRun run = LiveRun.against(target.url())) {
            Http http = new Http(run.server.url());
            HttpResponse<String> r = http.post("swarm", Map.of("user_count", "1", "spawn_rate", "10", "run_time", "2s"));
            assertThat(Http.parse(r.body()).get("run_time").asDouble()).isEqualTo(2.0);
            JsonNode stopped = http.statsUntil(s -> s.get("state").asText().equals("stopped"), WAIT);
            assertThat(stopped.get("stop_reason").asText()).isEqualTo("run time reached");
            assertThat(Http.aggregated(stopped).get("num_requests").asLong()).isEqualTo(target.requestCount());
        }
    }

    private static long aggregatedCsvCount(HttpResponse<String> csv) {
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment; filename=\"requests_");
        String last = lastLine(csv.body());
        assertThat(last).startsWith(",Aggregated,");
        return Long.parseLong(last.split(",")[2]);
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.get(lines.size() - 1);
    }
}
