package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** --metrics-port in a headless run: Prometheus scrapes while the run is on; a busy port is one line and exit 2. */
@Timeout(120)
class MetricsPortTest {
    private static final Pattern URL = Pattern.compile("Prometheus metrics at (http://\\S+/metrics)");

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        return Cli.scenario(dir, "Scraped", """
                import io.stampede.*;
                public class Scraped extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.01); }
                    @Task void hit() { client.get("/fast"); }
                }
                """);
    }

    /** The sum over series of a counter in Prometheus text format. */
    static long sum(String text, String metric) {
        long total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                total += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    @Test
    void prometheusScrapesTheRunWhileItIsOn() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
            String[] args = {"-f", scenario().toString(), "-H", server.url(), "-u", "3", "-r", "100", "-t", "4s",
                "--headless", "--only-summary", "--metrics-port", "0"};
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> new Main().execute(args,
                    new ProcessContext(new PrintStream(new ByteArrayOutputStream()), errStream, Map.of())));
            String url = null;
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (url == null && System.nanoTime() < deadline) {
                Matcher m = URL.matcher(err.toString(StandardCharsets.UTF_8));
                url = m.find() ? m.group(1) : null;
                Thread.sleep(20);
            }
            assertThat(url).as(err.toString(StandardCharsets.UTF_8)).isNotNull();
            HttpClient http = HttpClient.newHttpClient();
            Thread.sleep(1500);
            String first = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Thread.sleep(1200);
            String second = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
            long a = sum(first, "stampede_requests_total");
            long b = sum(second, "stampede_requests_total");
            assertThat(a).isPositive();
            assertThat(b).isGreaterThan(a).isLessThanOrEqualTo(server.requestCount());
            assertThat(sum(second, "stampede_response_time_seconds_count")).isEqualTo(b);
            assertThat(second).contains("stampede_users 3").contains("stampede_target_users 3");
            assertThat(run.get()).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }
    }

    @Test
    void aBusyMetricsPortIsOneLineAndExitTwoBeforeAnyRequest() throws Exception {
        try (TargetServer server = TargetServer.start(); ServerSocket busy = new ServerSocket(0)) {
            Cli.Result r = Cli.run("-f", scenario().toString(), "-H", server.url(), "-u", "1", "-t", "2s", "--headless",
                    "--metrics-port", String.valueOf(busy.getLocalPort()));
            assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().lines().filter(l -> l.startsWith("stampede: "))).hasSize(1);
            assertThat(r.err()).contains(String.valueOf(busy.getLocalPort())).doesNotContain("\tat ");
            assertThat(server.requestCount()).isZero();
        }
    }
}
