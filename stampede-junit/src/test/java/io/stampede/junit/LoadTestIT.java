package io.stampede.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.testkit.TargetServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * A load test as a team writes one, run by Failsafe (the build's integration-test phase): the
 * target from a system property, as a build would pass it, and the server's count in the body.
 */
@Timeout(60)
class LoadTestIT {
    static TargetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TargetServer.start();
        System.setProperty("stampede.it.host", server.url());
    }

    @AfterAll
    static void stop() {
        System.clearProperty("stampede.it.host");
        server.close();
    }

    @LoadTest(scenario = FastUser.class, host = "${stampede.it.host}", stages = "1s:4,1s:4", thresholds = "fail_ratio<0.01")
    void rampsUpAndEveryRequestReachesTheServer(LoadResult result) throws Exception {
        server.catchUp();
        assertThat(result.requests()).isPositive().isEqualTo(server.requestCount());
        assertThat(result.run().thresholds()).hasSize(1).allMatch(t -> t.passed());
        assertThat(result.directory().resolve("junit.xml")).isRegularFile();
    }
}
