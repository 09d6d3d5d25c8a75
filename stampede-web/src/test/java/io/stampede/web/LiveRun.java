package io.stampede.web;

import io.stampede.HttpUser;
import io.stampede.Task;
import io.stampede.WaitTime;
import io.stampede.core.output.RunInfo;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.run.Engine;
import io.stampede.core.run.EngineSettings;
import io.stampede.core.run.RunDriver;
import io.stampede.core.run.RunRequest;
import io.stampede.core.spec.ScenarioException;
import io.stampede.core.spec.SpecReader;
import io.stampede.core.spec.TagFilter;
import io.stampede.core.time.Clock;
import io.stampede.http.HttpClientConfig;
import io.stampede.http.SocketSessionFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Everything a real run from the web UI needs, wired as the command line wires it: a real engine
 * with the real HTTP transport aimed at a test server, a run driver, the web output and control,
 * and the web server on a free loopback port.
 */
final class LiveRun implements AutoCloseable {
    /** Statistics twice a second, so tests see several intervals without waiting long. */
    static final Duration INTERVAL = Duration.ofMillis(500);

    /** A user that asks for /fast about 50 times a second. */
    public static class Hitter extends HttpUser {
        @Override
        protected WaitTime waitTime() {
            return WaitTime.constant(0.02);
        }

        @Task
        void hit() {
            client.get("/fast");
        }
    }

    final Engine engine;
    final RunDriver driver;
    final WebOutput output;
    final DriverWebControl control;
    final WebServer server;

    private LiveRun(String target, String auth, Class<?> user) throws ScenarioException {
        var specs = new SpecReader(TagFilter.NONE).read(List.of(user));
        HttpClientConfig http = HttpClientConfig.of(target);
        engine = new Engine(specs, new SocketSessionFactory(http), new EngineSettings(Duration.ofSeconds(2), 1, "test"),
                Clock.SYSTEM, n -> { });
        output = new WebOutput();
        driver = new RunDriver(engine, List.of(output), Clock.SYSTEM, INTERVAL, line -> System.err.println("driver: " + line));
        control = new DriverWebControl(driver, LiveRun::request, target, engine.userClasses());
        server = WebServer.start("127.0.0.1", 0, auth, control, output, () -> "stampede_test_metric 1\n");
    }

    static LiveRun against(String target) throws ScenarioException {
        return new LiveRun(target, null, Hitter.class);
    }

    /** With a user class of the test's own. */
    static LiveRun against(String target, Class<?> user) throws ScenarioException {
        return new LiveRun(target, null, user);
    }

    static LiveRun withAuth(String target, String auth) throws ScenarioException {
        return new LiveRun(target, auth, Hitter.class);
    }

    private static RunRequest request(int users, double spawnRate, String host, Duration runTime) {
        LoadPlan plan = LoadPlan.constant(users, spawnRate, runTime);
        return new RunRequest(plan, new RunInfo(host, List.of("test"), plan.description(), System.currentTimeMillis()));
    }

    URI url(String path) {
        return server.url().resolve(path);
    }

    @Override
    public void close() {
        server.close();
        driver.close();
        engine.close();
    }
}
