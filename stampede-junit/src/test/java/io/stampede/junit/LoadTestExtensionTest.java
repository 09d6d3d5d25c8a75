package io.stampede.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.stampede.testkit.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Test classes with {@code @LoadTest}s, run by the JUnit engine as Surefire would run them (nested
 * static classes: Surefire does not pick them up itself), against real servers on loopback.
 */
@Timeout(120)
class LoadTestExtensionTest {
    private static EngineExecutionResults run(Class<?> testClass, boolean parallel) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", String.valueOf(parallel))
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .selectors(selectClass(testClass)).execute();
    }

    @Test
    void twoLoadTestsInParallelEachSeeTheirOwnServersExactCount() {
        TwoServers.windows.clear();
        EngineExecutionResults results = run(TwoServers.class, true);
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        // both loads were on at the same time (the barrier in @BeforeEach already made them start together)
        long[] a = TwoServers.windows.get("fast");
        long[] b = TwoServers.windows.get("echo");
        assertThat(a[0]).isLessThan(b[1]);
        assertThat(b[0]).isLessThan(a[1]);
        Path dir = Path.of("target/stampede", TwoServers.class.getName());
        for (String method : List.of("fast", "echo")) {
            for (String file : List.of("stampede_stats.csv", "stampede_stats_history.csv", "stampede_failures.csv",
                    "stampede_exceptions.csv", "stampede.json", "stampede.html", "junit.xml")) {
                assertThat(dir.resolve(method).resolve(file)).isRegularFile();
            }
        }
    }

    @Test
    void aFailedThresholdAndAFailedCheckFailTheTestAndAreNamed() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            Failing.host = server.url();
            EngineExecutionResults results = run(Failing.class, false);
            results.testEvents().assertStatistics(s -> s.started(1).failed(1));
            results.testEvents().assertThatEvents().haveExactly(1, event(test("tooMany"), finishedWithFailure(
                    instanceOf(AssertionError.class),
                    message(m -> m.contains("load test EchoUser failed (exit code 4")
                            && m.contains("threshold requests<1: was " + server.requestCount())
                            && m.contains("check echo says hello: " + server.requestCount() + " of " + server.requestCount()
                                    + " failed (0.00% passed)")
                            && !m.contains("p99")))));
            assertThat(server.requestCount()).isPositive();
            Path xml = Path.of("target/stampede", Failing.class.getName(), "tooMany", "junit.xml");
            assertThat(Files.readString(xml)).contains("name=\"requests&lt;1\"").contains("type=\"threshold\"");
        }
    }

    @Test
    void aTestWithoutTargetSaysHowToGiveOne() {
        EngineExecutionResults results = run(NoTarget.class, false);
        results.testEvents().assertThatEvents().haveExactly(1, event(test("noHost"), finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class), message(m -> m.contains("-Dstampede.host=URL")))));
    }

    @Test
    void aBadFlagFailsWithTheCommandsLine() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            BadFlag.host = server.url();
            EngineExecutionResults results = run(BadFlag.class, false);
            results.testEvents().assertThatEvents().haveExactly(1, event(test("badRunTime"), finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class), message(m -> m.startsWith("stampede: -t/--run-time")))));
            server.catchUp();
            assertThat(server.requestCount()).isZero();
        }
    }

    /** Two tests at once, each against its own server (one per test instance). */
    static class TwoServers {
        static final CyclicBarrier BOTH_STARTED = new CyclicBarrier(2);
        static final Map<String, long[]> windows = new ConcurrentHashMap<>();
        TargetServer server;

        @LoadTarget
        String target() {
            return server.url();
        }

        @BeforeEach
        void start() throws Exception {
            server = TargetServer.start();
            // fails unless the other test is running too: proof that they ran in parallel
            BOTH_STARTED.await(30, TimeUnit.SECONDS);
        }

        @AfterEach
        void stop() {
            server.close();
        }

        @LoadTest(scenario = FastUser.class, users = 3, spawnRate = 100, runTime = "2s")
        void fast(LoadResult result) throws Exception {
            server.catchUp();
            assertThat(result.requests()).isPositive().isEqualTo(server.requestCount()).isEqualTo(server.requestCount("GET", "/fast"));
            assertThat(result.failures()).isZero();
            windows.put("fast", new long[] {result.stats().startEpochMillis(), result.stats().epochMillis()});
        }

        @LoadTest(scenario = EchoUser.class, users = 2, spawnRate = 100, runTime = "2s", failOnChecks = false)
        void echo(LoadResult result) throws Exception {
            server.catchUp();
            assertThat(result.requests()).isPositive().isEqualTo(server.requestCount()).isEqualTo(server.requestCount("POST", "/echo"));
            windows.put("echo", new long[] {result.stats().startEpochMillis(), result.stats().epochMillis()});
        }
    }

    static class Failing {
        @LoadTarget
        static String host;

        @LoadTest(scenario = EchoUser.class, users = 1, spawnRate = 10, runTime = "1s", thresholds = {"requests<1", "p99<100000ms"})
        void tooMany() {
            throw new AssertionError("the body runs only after a load that passed");
        }
    }

    static class NoTarget {
        @LoadTest(scenario = FastUser.class, runTime = "1s")
        void noHost() {
        }
    }

    static class BadFlag {
        @LoadTarget
        static String host;

        @LoadTest(scenario = FastUser.class, runTime = "soon")
        void badRunTime() {
        }
    }
}
