package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.testkit.SelfSigned;
import io.stampede.testkit.TargetServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTPS with verification on by default, --insecure, and how many connections the server sees. */
@Timeout(120)
class ConnectionsTest {
    @TempDir
    Path dir;

    private Path user() throws Exception {
        return Cli.scenario(dir, "Plain", """
                import io.stampede.*;

                public class Plain extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.01); }
                    @Task void hit() { client.get("/fast"); }
                }
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"socket", "jdk"})
    void aSelfSignedCertificateFailsUnlessInsecure(String transport) throws Exception {
        try (TargetServer server = TargetServer.startTls(SelfSigned.serverContext(dir))) {
            Path json = dir.resolve("tls.json");
            Cli.Result refused = Cli.run("-f", user().toString(), "-H", server.url(), "-u", "2", "-t", "1s",
                    "--transport", transport, "--only-summary", "--json-file", json.toString());
            assertThat(refused.exit()).as(refused.err()).isEqualTo(ExitCodes.REQUESTS_FAILED);
            JsonNode failure = refused.json(json).get("failures").get(0);
            assertThat(failure.get("error").asText()).as(transport).contains("certificate");
            assertThat(server.requestCount()).isZero();

            Cli.Result insecure = Cli.run("-f", user().toString(), "-H", server.url(), "-u", "2", "-t", "1s",
                    "--transport", transport, "--insecure", "--only-summary", "--json-file", json.toString());
            assertThat(insecure.exit()).as(insecure.err()).isZero();
            long reported = Cli.Result.entry(insecure.json(json), "Aggregated").get("num_requests").asLong();
            assertThat(reported).isPositive().isEqualTo(server.requestCount("GET", "/fast"));
        }
    }

    @Test
    void eachUserKeepsOneConnectionByDefault() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("keep.json");
            Cli.Result r = Cli.run("-f", user().toString(), "-H", server.url(), "-u", "12", "-r", "100", "-t", "2s",
                    "--only-summary", "--json-file", json.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(server.connectionCount()).isEqualTo(12 + 1); // + the reachability check before the run
            long reported = Cli.Result.entry(r.json(json), "Aggregated").get("num_requests").asLong();
            assertThat(reported).isGreaterThan(12 * 20).isEqualTo(server.requestCount("GET", "/fast"))
                    .isEqualTo(server.requestCount());
        }
    }

    @Test
    void runningOutOfFilesIsForetoldAndNamed() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("fd.json");
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String cmd = "ulimit -n 400 && exec '" + javaBin + "' -cp '" + System.getProperty("java.class.path") + "' "
                    + Main.class.getName() + " -f '" + user() + "' -H " + server.url()
                    + " -u 600 -r 1000 -t 3s --headless --only-summary --json-file '" + json + "'";
            Process p = new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("fd.txt").toFile()).start();
            assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            String out = java.nio.file.Files.readString(dir.resolve("fd.txt"));
            assertThat(out).contains("stampede: 600 connections need 600 open files, but this process may open 400 (ulimit -n); "
                    + "share connections with --max-connections");
            assertThat(p.exitValue()).as(out).isEqualTo(ExitCodes.REQUESTS_FAILED);
            JsonNode failures = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("failures");
            // the transport names the cause; the command line says what to do about it, once
            assertThat(failures.findValuesAsText("error")).contains("out of file descriptors");
            assertThat(out.lines().filter(l -> l.startsWith("stampede: 'out of file descriptors': "))).singleElement()
                    .asString().contains("ulimit -n").contains("--max-connections N");
            long reported = 0;
            for (JsonNode e : new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("stats")) {
                if (e.get("name").asText().equals("Aggregated")) {
                    reported = e.get("num_requests").asLong() - e.get("num_failures").asLong();
                }
            }
            assertThat(reported).as("successful requests; %s %s", out, failures).isEqualTo(server.requestCount("GET", "/fast"));
        }
    }

    @Test
    void maxConnectionsSharesABoundedPoolAmongManyUsers() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("pool.json");
            Cli.Result r = Cli.run("-f", user().toString(), "-H", server.url(), "-u", "40", "-r", "200", "-t", "2s",
                    "--max-connections", "3", "--only-summary", "--json-file", json.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(server.connectionCount()).isLessThanOrEqualTo(3 + 1);
            long reported = Cli.Result.entry(r.json(json), "Aggregated").get("num_requests").asLong();
            assertThat(reported).isGreaterThan(100).isEqualTo(server.requestCount("GET", "/fast"));
        }
    }
}
