package io.stampede.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.testkit.TargetServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The benchmarks' entry point sends its one request again and again on one kept-alive connection. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RawExchangeTest {

    @Test
    void aRequestSentThreeTimesGoesOverOneConnection() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            HttpClientConfig config = HttpClientConfig.of(server.url());
            byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
            try (RawExchange echo = RawExchange.connect(config, "POST", "/echo", List.of("X-Test", "1"), body, "application/json")) {
                for (int i = 0; i < 3; i++) {
                    assertThat(echo.send()).isEqualTo(200);
                    assertThat(new String(echo.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
                    assertThat(echo.header("content-type")).isEqualTo("application/json");
                    assertThat(echo.reusable()).isTrue();
                }
            }
            assertThat(server.requestCount("POST", "/echo")).isEqualTo(3);
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }
}
