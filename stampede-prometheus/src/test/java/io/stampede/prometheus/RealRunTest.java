package io.stampede.prometheus;

import static io.stampede.prometheus.MetricNames.FAILURES;
import static io.stampede.prometheus.MetricNames.REQUESTS;
import static io.stampede.prometheus.MetricNames.RESPONSE_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.HttpUser;
import io.stampede.Task;
import io.stampede.WaitTime;
import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.plan.ArrivalPlan;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.plan.Plan;
import io.stampede.core.run.Engine;
import io.stampede.core.run.EngineSettings;
import io.stampede.core.run.RunDriver;
import io.stampede.core.run.RunRequest;
import io.stampede.core.run.RunState;
import io.stampede.core.spec.SpecReader;
import io.stampede.core.spec.TagFilter;
import io.stampede.core.time.Clock;
import io.stampede.http.HttpClientConfig;
import io.stampede.http.SocketSessionFactory;
import io.stampede.testkit.TargetServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real runs (driver, engine, HTTP transport) against the loopback test server, scraped over HTTP
 * from {@link MetricsServer} while they run and after: the counters equal the server's own counts.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RealRunTest {
    private static final String UNAVAILABLE = "HTTP 503 Service Unavailable";

    /** Three fast requests to one failing one, with a short pause so the load stays small. */
    public static class Hitter extends HttpUser {
        @Task(3)
        void hit() {
            client.get("/fast");
        }

        @Task
        void fail() {
            client.get("/status/503");
        }

        @Override
        protected WaitTime waitTime() {
            return WaitTime.constant(0.005);
        }
    }

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final AtomicReference<RunDriver> driverRef = new AtomicReference<>();
    private final PrometheusOutput output = new PrometheusOutput(
            () -> driverRef.get() == null ? RunState.READY : driverRef.get().state(), () -> 4);
    private TargetServer target;
    private MetricsServer metrics;
    private Engine engine;
    private RunDriver driver;

    @BeforeEach
    void start() throws Exception {
        target = TargetServer.start();
        metrics = MetricsServer.start("127.0.0.1", 0, output);
        engine = new Engine(new SpecReader(TagFilter.NONE).read(List.of(Hitter.class)),
                new SocketSessionFactory(HttpClientConfig.of(target.url())),
                new EngineSettings(Duration.ofSeconds(2), 1, "test"), Clock.SYSTEM, n -> { });
        driver = new RunDriver(engine, List.of(output), Clock.SYSTEM, Duration.ofMillis(100), log::add);
        driverRef.set(driver);
    }

    @AfterEach
    void stop() {
        driver.close();
        engine.close();
        metrics.close();
        target.close();
    }

    private Scraped scrape() throws Exception {
        var r = MetricsServerTest.get(metrics.port(), "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        return Scraped.parse(r.body());
    }

    private CompletableFuture<RunResult> run(Plan plan) {
        return driver.start(new RunRequest(plan, new RunInfo(target.url(), List.of("Hitter"), "test", 0)));
    }

    /** Scrapes every 100 ms until the run ends (at most 100 times), doing {@code midway} after the fifth. */
    private List<Scraped> scrapeWhileRunning(CompletableFuture<RunResult> run, Runnable midway) throws Exception {
        List<Scraped> seen = new ArrayList<>();
        for (int i = 0; i < 100 && !run.isDone(); i++) {
            Thread.sleep(100);
            seen.add(scrape());
            if (i == 5) {
                midway.run();
            }
        }
        return seen;
    }

    private static List<Double> requests(List<Scraped> scrapes) {
        return scrapes.stream().map(s -> s.sum(REQUESTS)).toList();
    }

    /** Some scrape saw the run on, users running and requests counted. */
    private static void assertSeenRunning(List<Scraped> scrapes) {
        assertThat(scrapes).anySatisfy(s -> {
            assertThat(s.value(MetricNames.RUN_STATE, "state", "running")).isEqualTo(1);
            assertThat(s.value(MetricNames.USERS)).isEqualTo(4);
            assertThat(s.sum(REQUESTS)).isPositive();
        });
    }

    private void assertMatchesTheServer(Scraped s) {
        long sent = target.requestCount();
        assertThat(sent).isPositive();
        assertThat(s.sum(REQUESTS)).isEqualTo(sent);
        assertThat(s.value(REQUESTS, "method", "GET", "name", "/fast")).isEqualTo(target.requestCount("GET", "/fast"));
        assertThat(s.sum(RESPONSE_TIME + "_count")).isEqualTo(sent);
        assertThat(s.sum(RESPONSE_TIME + "_bucket", "le", "+Inf")).isEqualTo(sent);
        assertThat(s.value(FAILURES, "method", "GET", "name", "/status/503", "error", UNAVAILABLE))
                .isEqualTo(target.requestCount("GET", "/status/503")).isPositive();
        assertThat(s.sum(FAILURES)).isEqualTo(target.requestCount("GET", "/status/503"));
    }

    @Test
    void countsEqualTheServersDuringAndAfterRunsAndResets() throws Exception {
        CompletableFuture<RunResult> first = run(LoadPlan.constant(4, 100, Duration.ofMillis(1500)));
        List<Scraped> during = scrapeWhileRunning(first, () -> { });
        RunResult r1 = first.get(30, TimeUnit.SECONDS);
        assertThat(log).isEmpty();
        assertThat(requests(during)).hasSizeGreaterThanOrEqualTo(2).isSorted();
        assertSeenRunning(during);

        Scraped after = scrape();
        assertMatchesTheServer(after);
        assertThat(after.sum(REQUESTS)).isEqualTo(r1.stats().total().count());
        assertThat(after.value(MetricNames.RUN_STATE, "state", "stopped")).isEqualTo(1);
        assertThat(after.value(MetricNames.USERS)).isZero();

        // a reset between runs and one during the next run: the run's statistics start over, ours do not
        driver.resetStats();
        Thread.sleep(200);
        assertThat(scrape().sum(REQUESTS)).isEqualTo(after.sum(REQUESTS));
        CompletableFuture<RunResult> second = run(LoadPlan.constant(4, 100, Duration.ofMillis(1500)));
        List<Scraped> secondDuring = scrapeWhileRunning(second, driver::resetStats);
        RunResult r2 = second.get(30, TimeUnit.SECONDS);
        assertThat(requests(secondDuring)).isSorted().allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(after.sum(REQUESTS)));
        assertSeenRunning(secondDuring);

        Scraped end = scrape();
        assertMatchesTheServer(end);
        assertThat(r2.stats().total().count()).as("the reset made the run forget").isLessThan(
                (long) (end.sum(REQUESTS) - r1.stats().total().count()));
        assertThat(end.value(RESPONSE_TIME + "_sum", "name", "/fast")).isPositive();
    }

    @Test
    void anArrivalRunCountsItsScheduledIterations() throws Exception {
        RunResult r = run(ArrivalPlan.constant(200, Duration.ofSeconds(1), 2, 20)).get(30, TimeUnit.SECONDS);
        Scraped s = scrape();
        assertThat(r.arrival()).isNotNull();
        assertThat(s.value(MetricNames.ITERATIONS_SCHEDULED)).isEqualTo(r.arrival().scheduled()).isEqualTo(200);
        assertThat(s.value(MetricNames.ITERATIONS_DROPPED)).isEqualTo(r.arrival().dropped());
        assertMatchesTheServer(s);
    }
}
