package io.stampede.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.demo.http.DemoServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The slow report behind a bounded pool: it queues, plateaus at pool/delay, and finally answers 503. */
@Timeout(120)
class PoolSaturationTest {
    private static DemoServer server(int pool, Duration poolTimeout, Duration delay, boolean cache) throws Exception {
        return new DemoServer(new DemoConfig(0, "127.0.0.1", pool, poolTimeout, delay, cache, null, "sa", "",
                Duration.ofMinutes(5), Duration.ofDays(1)));
    }

    private static List<Integer> concurrentReports(ApiClient api, String token, int n) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int term = 1 + i % 100;
                calls.add(pool.submit(() -> api.get("/api/v1/reports/fees?term=" + term, token)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : calls) {
                statuses.add(f.get().statusCode());
            }
            return statuses;
        }
    }

    @Test
    void reportsQueueForThePoolSoThroughputIsPoolOverDelay() throws Exception {
        try (DemoServer server = server(2, Duration.ofSeconds(10), Duration.ofMillis(300), false)) {
            ApiClient api = new ApiClient(server.url());
            String token = api.login("demo@example.com", "demo").get("access").asText();
            long start = System.nanoTime();
            List<Integer> statuses = concurrentReports(api, token, 20);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(statuses).containsOnly(200);
            // 20 reports through 2 connections holding 0.3 s each: 10 rounds, about 3 s
            assertThat(seconds).isBetween(2.8, 5.0);
        }
    }

    @Test
    void aSaturatedPoolAnswers503AfterItsTimeout() throws Exception {
        try (DemoServer server = server(2, Duration.ofMillis(500), Duration.ofMillis(400), false)) {
            ApiClient api = new ApiClient(server.url());
            String token = api.login("demo@example.com", "demo").get("access").asText();
            List<Integer> statuses = concurrentReports(api, token, 20);
            assertThat(statuses).contains(200, 503);
            assertThat(statuses.stream().filter(s -> s == 503).count()).isGreaterThan(10);
            var r = api.get("/api/v1/reports/fees?term=1", token);
            assertThat(r.statusCode()).isEqualTo(200); // the pool recovers once the queue is gone
        }
    }

    @Test
    void theReportCacheRemovesTheWait() throws Exception {
        try (DemoServer server = server(2, Duration.ofSeconds(10), Duration.ofMillis(300), true)) {
            ApiClient api = new ApiClient(server.url());
            String token = api.login("demo@example.com", "demo").get("access").asText();
            assertThat(api.get("/api/v1/reports/fees?term=5", token).statusCode()).isEqualTo(200);
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertThat(api.get("/api/v1/reports/fees?term=5", token).statusCode()).isEqualTo(200);
            }
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.0);
        }
    }
}
