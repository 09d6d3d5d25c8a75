package io.stampede.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.HttpUser;
import io.stampede.Task;
import io.stampede.WaitTime;
import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.run.Engine;
import io.stampede.core.run.EngineSettings;
import io.stampede.core.run.RunDriver;
import io.stampede.core.run.RunRequest;
import io.stampede.core.spec.SpecReader;
import io.stampede.core.spec.TagFilter;
import io.stampede.core.time.Clock;
import io.stampede.http.HttpClientConfig;
import io.stampede.http.SocketSessionFactory;
import io.stampede.testkit.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real step-load run (driver, engine, HTTP transport) against the loopback test server with an
 * {@link HtmlOutput}: the written report counts exactly what the server received, and opens in a
 * headless browser from the file alone.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HtmlOutputRealRunTest {
    /** Mostly fast requests, some slow ones, and a failing one, checked. */
    public static class Shopper extends HttpUser {
        @Task(4)
        void browse() {
            check("browse is 200", client.get("/fast").status() == 200);
        }

        @Task(2)
        void search() {
            client.get("/slow?ms=15");
        }

        @Task
        void fail() {
            client.get("/status/503");
        }

        @Override
        protected WaitTime waitTime() {
            return WaitTime.constant(0.01);
        }
    }

    private static TargetServer target;
    private static Path file;
    private static RunResult result;
    private static final List<String> LOG = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void run() throws Exception {
        target = TargetServer.start();
        file = Files.createDirectories(Path.of("target", "screenshots")).resolve("real-run-report.html");
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Scenario", Shopper.class.getName());
        parameters.put("Machine", "test");
        HtmlOutput output = new HtmlOutput(file, parameters);
        LoadPlan plan = LoadPlan.stepLoad(2, Duration.ofMillis(800), 6, 100, null);
        try (Engine engine = new Engine(new SpecReader(TagFilter.NONE).read(List.of(Shopper.class)),
                new SocketSessionFactory(HttpClientConfig.of(target.url())),
                new EngineSettings(Duration.ofSeconds(2), 1, "test"), Clock.SYSTEM, n -> { });
             RunDriver driver = new RunDriver(engine, List.of(output), Clock.SYSTEM, Duration.ofMillis(100), LOG::add)) {
            result = driver.start(new RunRequest(plan, new RunInfo(target.url(), List.of("Shopper"), plan.description(),
                    System.currentTimeMillis()))).get(60, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopServer() {
        target.close();
    }

    @Test
    void theReportCountsExactlyWhatTheServerReceived() throws Exception {
        assertThat(LOG).isEmpty();
        String html = Files.readString(file);
        JsonNode data = ReportFile.data(html);
        long received = target.requestCount();
        assertThat(received).isPositive();
        assertThat(ReportFile.statsRow(data, "", "Aggregated").get("num_requests").asLong()).isEqualTo(received);
        assertThat(ReportFile.statsRow(data, "GET", "/status/503").get("num_failures").asLong())
                .isEqualTo(target.requestCount("GET", "/status/503")).isPositive();
        long inSeries = 0;
        for (JsonNode n : data.get("series").get("requests")) {
            inSeries += n.asLong();
        }
        assertThat(inSeries).as("the series adds up to the run").isEqualTo(received);
        assertThat(data.get("phases")).hasSize(result.phases().size()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(html.replace(target.url(), "")).doesNotContain("http://").doesNotContain("https://");
        assertThat(html).contains("browse is 200", "Shopper", "HTTP 503");
    }

    @Test
    void theReportOpensInAHeadlessBrowser() throws Exception {
        Assumptions.assumeTrue(Chromium.available(), "no " + Chromium.BINARY);
        Path png = file.resolveSibling("real-run-report.png");
        Chromium.screenshot(file, png, 2000);
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);
        // uPlot drew every chart: over time (3), capacity by step, distribution
        String dom = Chromium.dom(file);
        assertThat(dom.split("class=\"uplot", -1)).hasSize(5 + 1);
        assertThat(dom).contains("GET /status/503").contains("requests/s");
    }
}
