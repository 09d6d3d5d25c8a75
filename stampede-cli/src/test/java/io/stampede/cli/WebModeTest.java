package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.testkit.TargetServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stampede command without --headless: the web UI on its port, Locust's REST endpoints and
 * /metrics, --autostart and --autoquit; counts checked against what the server received.
 */
@Timeout(120)
class WebModeTest {
    private static final Pattern URL = Pattern.compile("web UI at (http://\\S+?)/? ");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private record Running(CompletableFuture<Integer> exit, ByteArrayOutputStream err) {
        String errText() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    private static Running start(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> exit.complete(new Main().execute(args,
                new ProcessContext(new PrintStream(new ByteArrayOutputStream()), errStream, Map.of()))));
        return new Running(exit, err);
    }

    private static String urlOf(Running r) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher m = URL.matcher(r.errText());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no web UI URL printed: " + r.errText());
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private Path scenario() throws Exception {
        return Cli.scenario(dir, "Paged", """
                import io.stampede.*;
                public class Paged extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.02); }
                    @Task void hit() { client.get("/fast"); }
                }
                """);
    }

    @Test
    void aRunStartedOverRestIsCountedExactlyInTheStatsAndInMetricsDuringAndAfterIt() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            Running ui = start("-f", scenario().toString(), "--web-port", "0", "--json-file", dir.resolve("web.json").toString());
            String base = urlOf(ui);
            HttpResponse<String> swarm = http.send(HttpRequest.newBuilder(URI.create(base + "/swarm"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user_count=3&spawn_rate=100&host=" + server.url()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(swarm.statusCode()).as(swarm.body()).isEqualTo(200);
            Thread.sleep(1500);
            String during = get(base + "/metrics");
            assertThat(MetricsPortTest.sum(during, "stampede_requests_total")).isPositive();
            assertThat(during).contains("stampede_run_state{state=\"running\"} 1");
            get(base + "/stop");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            JsonNode stats = new ObjectMapper().readTree(get(base + "/stats/requests"));
            while (!stats.get("state").asText().equals("stopped") && System.nanoTime() < deadline) {
                Thread.sleep(50);
                stats = new ObjectMapper().readTree(get(base + "/stats/requests"));
            }
            long served = server.requestCount();
            long aggregated = 0;
            for (JsonNode row : stats.get("stats")) {
                if (row.get("name").asText().equals("Aggregated")) {
                    aggregated = row.get("num_requests").asLong();
                }
            }
            assertThat(aggregated).as(ui.errText() + stats).isPositive().isEqualTo(served);
            String after = get(base + "/metrics");
            assertThat(MetricsPortTest.sum(after, "stampede_requests_total")).as(ui.errText() + after).isEqualTo(served);
            assertThat(MetricsPortTest.sum(after, "stampede_response_time_seconds_count")).isEqualTo(served);
            // the page's HTML report download holds the finished run
            HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create(base + "/stats/report?download=1"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.headers().firstValue("Content-Disposition")).get().asString().contains("attachment");
            assertThat(report.body()).contains("<html").contains(Long.toString(served));
            // the run's files are written at its end, as in a headless run
            JsonNode file = new ObjectMapper().readTree(dir.resolve("web.json").toFile());
            assertThat(Cli.Result.entry(file, "Aggregated").get("num_requests").asLong()).isEqualTo(served);
            new Main().interrupt(java.time.Duration.ofSeconds(1)); // a fresh Main has nothing to stop
            assertThat(ui.exit().isDone()).isFalse();
            ui.exit().cancel(true);
        }
    }

    @Test
    void autostartRunsThePlanAndAutoquitLeavesAfterIt() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            Running ui = start("-f", scenario().toString(), "-H", server.url(), "-u", "2", "-r", "100", "-t", "2s",
                    "--web-port", "0", "--autostart", "--autoquit", "1", "--json-file", dir.resolve("auto.json").toString());
            int exit = ui.exit().get(60, TimeUnit.SECONDS);
            assertThat(exit).as(ui.errText()).isZero();
            JsonNode file = new ObjectMapper().readTree(dir.resolve("auto.json").toFile());
            assertThat(Cli.Result.entry(file, "Aggregated").get("num_requests").asLong()).isPositive()
                    .isEqualTo(server.requestCount());
        }
    }

    @Test
    void aBusyWebPortIsOneLineAndExitTwo() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            Cli.Result r = Cli.run("-f", scenario().toString(), "--web-port", String.valueOf(busy.getLocalPort()));
            assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().lines().filter(l -> l.startsWith("stampede: "))).singleElement().asString()
                    .contains("in use");
            assertThat(r.err()).doesNotContain("\tat ");
        }
    }

    @Test
    void listeningBeyondThisMachineWithoutAuthIsWarnedAbout() throws Exception {
        Running ui = start("-f", scenario().toString(), "--web-port", "0", "--web-host", "0.0.0.0");
        urlOf(ui);
        assertThat(ui.errText()).contains("warning: the web UI listens on 0.0.0.0 without --web-auth");
        ui.exit().cancel(true);
    }

    @Test
    void autoquitWithoutAutostartIsRefused() throws Exception {
        Cli.Result r = Cli.run("-f", scenario().toString(), "--web-port", "0", "--autoquit", "3");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--autoquit needs --autostart");
    }
}
