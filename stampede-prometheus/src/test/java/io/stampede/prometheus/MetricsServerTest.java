package io.stampede.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stampede.core.run.RunState;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The headless /metrics server: serves the output's text, refuses a busy port in one line. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MetricsServerTest {
    private final PrometheusOutput output = new PrometheusOutput(() -> RunState.RUNNING, () -> 3);

    static HttpResponse<String> get(int port, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void servesTheTextFormatOnMetrics() throws Exception {
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, output)) {
            assertThat(server.port()).isPositive();
            HttpResponse<String> r = get(server.port(), "/metrics");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).contains("version=0.0.4"));
            Scraped s = Scraped.parse(r.body());
            assertThat(s.value(MetricNames.TARGET_USERS)).isEqualTo(3);
            assertThat(s.value(MetricNames.RUN_STATE, "state", "running")).isEqualTo(1);
            assertThat(r.body()).isEqualTo(output.scrape());
            assertThat(get(server.port(), "/-/healthy").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void answersOpenMetricsToAScraperThatAsksForIt() throws Exception {
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, output);
             HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                    .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/openmetrics-text"));
            assertThat(r.body()).contains("stampede_target_users 3").endsWith("# EOF\n");
        }
    }

    @Test
    void aBusyPortIsRefusedInOneLine() {
        try (MetricsServer first = MetricsServer.start("127.0.0.1", 0, output)) {
            assertThatThrownBy(() -> MetricsServer.start("127.0.0.1", first.port(), output))
                    .isInstanceOf(MetricsPortInUseException.class)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port())
                    .hasMessageContaining("in use")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void closingFreesThePort() throws Exception {
        int port;
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, output)) {
            port = server.port();
        }
        try (MetricsServer again = MetricsServer.start("127.0.0.1", port, output)) {
            assertThat(get(again.port(), "/metrics").statusCode()).isEqualTo(200);
        }
    }
}
