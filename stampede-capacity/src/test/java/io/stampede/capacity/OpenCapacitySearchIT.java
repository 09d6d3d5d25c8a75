package io.stampede.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.HttpUser;
import io.stampede.Task;
import io.stampede.core.output.RunInfo;
import io.stampede.core.run.Engine;
import io.stampede.core.run.EngineSettings;
import io.stampede.core.run.LoadTarget;
import io.stampede.core.run.RunDriver;
import io.stampede.core.spec.SpecReader;
import io.stampede.core.spec.TagFilter;
import io.stampede.core.time.Clock;
import io.stampede.http.HttpClientConfig;
import io.stampede.http.SocketSessionFactory;
import io.stampede.testkit.Handler;
import io.stampede.testkit.Reply;
import io.stampede.testkit.TargetServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The open model's search on the loopback test server: a route that serves 3 requests at a time
 * for 100 ms each, so at most 30 a second. Arrival rates above that only make iterations late.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OpenCapacitySearchIT {
    private static final double PLATEAU = 30;

    /** One request per iteration. */
    public static class LimitedUser extends HttpUser {
        @Task
        void hit() {
            client.get("/limited");
        }
    }

    private static Handler limited() {
        Semaphore capacity = new Semaphore(3);
        return r -> {
            capacity.acquire();
            try {
                Thread.sleep(100);
            } finally {
                capacity.release();
            }
            return new Reply.Answer(200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8), false);
        };
    }

    @Test
    void findsWhereMoreArrivalsStopBuyingThroughput() throws Exception {
        // a short maximum delay: the backlog an overloaded step leaves is dropped rather than carried on
        LoadModel open = new LoadModel.Open(new LoadTarget.ArrivalPool(5, 60, Duration.ofSeconds(1)));
        SearchSettings settings = new SearchSettings(open, 10, Duration.ofSeconds(3), 80, List.of()).withWarmup(0.4);
        try (TargetServer server = TargetServer.start(Map.of("/limited", limited()))) {
            Engine engine = new Engine(new SpecReader(TagFilter.NONE).read(List.of(LimitedUser.class)),
                    new SocketSessionFactory(HttpClientConfig.of(server.url())),
                    new EngineSettings(Duration.ofSeconds(10), 1, "test"), Clock.SYSTEM, n -> { });
            RunDriver driver = new RunDriver(engine, List.of(), Clock.SYSTEM, Duration.ofMillis(250), l -> { });
            CapacityReport r;
            try {
                RunInfo info = new RunInfo(server.url(), List.of("LimitedUser"), "", System.currentTimeMillis());
                r = new CapacitySearch(driver, settings, info, l -> { }).run();
            } finally {
                driver.close();
                engine.close();
            }
            System.out.println(r.render());
            assertThat(r.runRequests()).isEqualTo(server.requestCount()).isPositive();
            assertThat(r.model()).isEqualTo("open");
            assertThat(r.steps().get(0).step().load()).isEqualTo(10);
            assertThat(r.plateau().maxRps()).as(r.render()).isBetween(PLATEAU * 0.75, PLATEAU * 1.25);
            assertThat(r.knee()).as(r.render()).isNotNull();
            assertThat(r.highestGood()).as(r.render()).isBetween(PLATEAU * 0.5, PLATEAU * 1.25);
            assertThat(r.symptom().kind()).as(r.render()).isEqualTo(SymptomKind.QUEUEING);
        }
    }
}
