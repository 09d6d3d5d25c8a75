package io.stampede.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.demo.http.DemoServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scenarios in examples/ are what people copy first: each one compiles and runs against the demo
 * API with the stampede command this build made, without a failure, and every request it reports is
 * one the API received.
 */
@Timeout(300)
class ExamplesIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"examples/demo/ShopUser.java", "examples/login-refresh/TokenRefreshUser.java",
            "examples/data-driven/CsvCredentialsUser.java", "examples/capacity/FeeReportUser.java"})
    void runsCleanlyAgainstTheDemoApi(String example) throws Exception {
        Path cliJar = ROOT.resolve("stampede-cli/target/stampede.jar");
        assumeTrue(Files.exists(cliJar), "the CLI jar is built by this reactor");
        DemoConfig config = new DemoConfig(0, "127.0.0.1", 30, Duration.ofSeconds(5), Duration.ofMillis(100), false, null,
                "sa", "", Duration.ofMinutes(5), Duration.ofDays(1));
        try (DemoServer api = new DemoServer(config)) {
            long before = api.requestsServed();
            Path json = dir.resolve("out.json");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-jar", cliJar.toString(), "-f", example, "-H", api.url(),
                    "-u", "8", "-r", "8", "-t", "4s", "--headless", "--only-summary", "--json-file", json.toString())
                    .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            try {
                assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("%s finishes by itself", example).isTrue();
            } finally {
                p.destroyForcibly(); // gone already, unless the wait failed
            }
            String out = Files.readString(dir.resolve("out.txt"));
            assertThat(p.exitValue()).as(out).isZero();

            JsonNode doc = new ObjectMapper().readTree(json.toFile());
            JsonNode total = null;
            for (JsonNode e : doc.get("stats")) {
                if (e.get("name").asText().equals("Aggregated")) {
                    total = e;
                }
            }
            assertThat(total).as(out).isNotNull();
            assertThat(total.get("num_failures").asLong()).as(out).isZero();
            assertThat(doc.get("exceptions").size()).as(out).isZero();
            assertThat(total.get("num_requests").asLong()).as(out).isGreaterThanOrEqualTo(8)
                    .isEqualTo(api.requestsServed() - before);
        }
    }
}
