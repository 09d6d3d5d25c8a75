package io.stampede.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.testkit.TargetServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sample project of src/it/shop built by real Maven against a real server on loopback: its
 * JUnit load test (Failsafe) and stampede:run both run, every request they count reached the
 * server, and a failing threshold or a bad flag fails the build with the command's words.
 */
class SampleProjectIT {
    @Test
    @Timeout(420)
    void theSampleBuildLoadTestsTheServerAndFailsOnAThreshold() throws Exception {
        SampleBuild build = SampleBuild.copy("shop");
        try (TargetServer server = TargetServer.start()) {
            SampleBuild.Result verify = build.mvn(240, "-Dstampede.host=" + server.url(), "verify");
            assertThat(verify.exitCode()).as(verify.log()).isZero();
            server.catchUp();
            long junit = requests(build.project().resolve("target/stampede/com.example.ShopLoadIT/shopHoldsTwoUsers/stampede.json"));
            long plugin = requests(build.project().resolve("target/stampede/ShopUser/stampede.json"));
            assertThat(junit).isPositive();
            assertThat(plugin).isPositive();
            assertThat(server.requestCount()).isEqualTo(junit + plugin);
            assertThat(verify.log()).contains("Tests run: 1, Failures: 0, Errors: 0", "stampede: com.example.ShopUser against " + server.url());
            for (String file : new String[] {"stampede_stats.csv", "stampede.html", "junit.xml"}) {
                assertThat(build.project().resolve("target/stampede/ShopUser").resolve(file)).isRegularFile();
            }

            server.reset();
            SampleBuild.Result failing = build.mvn(120, "stampede:run", "-Dstampede.scenario=CheckoutUser",
                    "-Dstampede.host=" + server.url(), "-Dstampede.users=1", "-Dstampede.runTime=1s",
                    "-Dstampede.thresholds=requests<1,fail_ratio<0.01");
            server.catchUp();
            long n = server.requestCount();
            assertThat(failing.exitCode()).as(failing.log()).isNotZero();
            assertThat(n).isPositive();
            assertThat(failing.log()).contains("BUILD FAILURE", "load test CheckoutUser failed (exit code 4",
                    "threshold requests<1: was " + n, "check order gets an id: " + n + " of " + n + " failed (0.00% passed)",
                    "MojoFailureException").doesNotContain("threshold fail_ratio");

            server.reset();
            SampleBuild.Result bad = build.mvn(120, "stampede:run", "-Dstampede.scenario=ShopUser", "-Dstampede.host=" + server.url(),
                    "-Dstampede.runTime=soon");
            assertThat(bad.exitCode()).as(bad.log()).isNotZero();
            assertThat(bad.log()).contains("stampede: -t/--run-time: 'soon' is not a duration", "MojoExecutionException");
            server.catchUp();
            assertThat(server.requestCount()).isZero();
        }
    }

    private static long requests(Path json) throws Exception {
        for (JsonNode e : new ObjectMapper().readTree(json.toFile()).get("stats")) {
            if (e.get("name").asText().equals("Aggregated")) {
                return e.get("num_requests").asLong();
            }
        }
        throw new AssertionError("no Aggregated entry in " + json);
    }
}
