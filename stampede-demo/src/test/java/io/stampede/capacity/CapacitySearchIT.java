package io.stampede.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.output.RunInfo;
import io.stampede.core.run.Engine;
import io.stampede.core.run.EngineSettings;
import io.stampede.core.run.RunDriver;
import io.stampede.core.spec.SpecReader;
import io.stampede.core.spec.TagFilter;
import io.stampede.core.threshold.Threshold;
import io.stampede.core.time.Clock;
import io.stampede.demo.DemoConfig;
import io.stampede.demo.http.DemoServer;
import io.stampede.http.HttpClientConfig;
import io.stampede.http.SocketSessionFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Capacity searches of the real demo API, in process: a pool of 4 connections and a 200 ms report
 * serve at most 4 / 0.2 = 20 reports a second. The search must find that plateau, and find it
 * move when the report cache takes the pool out of the way.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class CapacitySearchIT {
    private static final int POOL = 4;
    private static final Duration REPORT = Duration.ofMillis(200);
    private static final double PLATEAU = POOL / (REPORT.toMillis() / 1000.0);

    /** What the driver and the engine said: nothing, when all went well. */
    private final List<String> log = new CopyOnWriteArrayList<>();
    /** The search's line per step. */
    private final List<String> progress = new CopyOnWriteArrayList<>();

    private static DemoServer demo(boolean cache) throws Exception {
        // a pool timeout far above any queue the search builds: saturation shows as waiting, not 503s
        return new DemoServer(new DemoConfig(0, "127.0.0.1", POOL, Duration.ofSeconds(20), REPORT, cache, null, "sa", "",
                Duration.ofMinutes(5), Duration.ofDays(1)));
    }

    /**
     * 4 s steps with 40% warm-up: going down from an overloaded step, the queue it built (up to 2 s
     * deep at 40 users) must drain before measuring starts.
     */
    private static SearchSettings settings() {
        return new SearchSettings(new LoadModel.Closed(), 10, Duration.ofSeconds(4), 40,
                List.of(Threshold.parse("p95<1500ms"), Threshold.parse("fail_ratio<0.01"))).withWarmup(0.4);
    }

    private CapacityReport search(DemoServer server) throws Exception {
        Engine engine = new Engine(new SpecReader(TagFilter.NONE).read(List.of(FeeReportUser.class)),
                new SocketSessionFactory(HttpClientConfig.of(server.url())),
                new EngineSettings(Duration.ofSeconds(10), 1, "test"), Clock.SYSTEM, n -> log.add(n.toString()));
        // 250 ms statistics: each step is measured to within a quarter second of its bounds
        RunDriver driver = new RunDriver(engine, List.of(), Clock.SYSTEM, Duration.ofMillis(250), log::add);
        try {
            RunInfo info = new RunInfo(server.url(), List.of("FeeReportUser"), "", System.currentTimeMillis());
            return new CapacitySearch(driver, settings(), info, progress::add).run();
        } finally {
            driver.close();
            engine.close();
        }
    }

    /**
     * The load the search calls the highest good one, run on its own as a constant load against a
     * fresh server (its first 40% left out, as the search leaves out each step's warm-up), meets
     * every SLO.
     */
    private void assertTheHighestGoodLoadMeetsTheSlosOnItsOwn(CapacityReport report) throws Exception {
        int users = (int) Math.floor(report.highestGood());
        try (DemoServer server = demo(false)) {
            Engine engine = new Engine(new SpecReader(TagFilter.NONE).read(List.of(FeeReportUser.class)),
                    new SocketSessionFactory(HttpClientConfig.of(server.url())),
                    new EngineSettings(Duration.ofSeconds(10), 2, "test"), Clock.SYSTEM, n -> log.add(n.toString()));
            try (engine; RunDriver driver = new RunDriver(engine, List.of(), Clock.SYSTEM, Duration.ofMillis(250), log::add)) {
                RunInfo info = new RunInfo(server.url(), List.of("FeeReportUser"), "", System.currentTimeMillis());
                var run = driver.start(new io.stampede.core.run.RunRequest(
                        io.stampede.core.plan.LoadPlan.constant(users, users / 0.8, Duration.ofSeconds(6)), info,
                        settings().slos(), false, false));
                Thread.sleep(2400);
                driver.resetStats();
                io.stampede.core.output.RunResult r = run.get();
                assertThat(r.thresholdsPassed()).as("%d users on their own: %s", users, r.thresholds()).isTrue();
                assertThat(r.thresholds()).hasSize(2);
            }
        }
    }

    @Test
    void findsThePoolsPlateauAndSeesItMoveWithTheCache() throws Exception {
        CapacityReport uncached;
        try (DemoServer server = demo(false)) {
            uncached = search(server);
            System.out.println(uncached.render());
            assertThat(uncached.runRequests()).as("every request the server saw, and no other")
                    .isEqualTo(server.requestsServed()).isPositive();
        }
        // the pool's capacity is known by construction: 4 connections, 200 ms each
        assertThat(uncached.plateau().maxRps()).as(uncached.render()).isBetween(PLATEAU * 0.9, PLATEAU * 1.1);
        assertThat(uncached.lowestBad()).as(uncached.render()).isNotNull().isLessThanOrEqualTo(40);
        assertThat(uncached.highestGood()).as(uncached.render()).isNotNull().isBetween(PLATEAU * 0.5, PLATEAU * 1.25);
        assertThat(uncached.symptom().kind()).as(uncached.render()).isEqualTo(SymptomKind.QUEUEING);
        assertThat(uncached.runFailures()).isZero();
        assertTheHighestGoodLoadMeetsTheSlosOnItsOwn(uncached);

        CapacityReport cached;
        try (DemoServer server = demo(true)) {
            cached = search(server);
            System.out.println(cached.render());
            assertThat(cached.runRequests()).isEqualTo(server.requestsServed()).isPositive();
        }
        assertThat(cached.knee() == null || cached.plateau().maxRps() > uncached.plateau().maxRps() * 1.25)
                .as(cached.render()).isTrue();
        assertThat(cached.plateau().maxRps()).as(cached.render()).isGreaterThan(uncached.plateau().maxRps() * 1.25);
        assertThat(cached.highestGood()).as(cached.render()).isGreaterThan(uncached.highestGood());
        assertThat(progress).hasSize(uncached.steps().size() + cached.steps().size());
        assertThat(log).as("nothing went wrong in the driver or the engine").isEmpty();
    }
}
