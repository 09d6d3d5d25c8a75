package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.testkit.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stampede convert} from the command line, and the scenario it writes run as written: with no
 * -H it goes to the recorded host (its {@code @Host}); -H sends it elsewhere. The recording here is
 * made up for the test server's routes; the one made by Chromium is in stampede-demo's RecordedScenarioIT.
 */
@Timeout(90)
class ConvertCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theWrittenScenarioRunsAgainstTheRecordedHostOrTheOneGiven() throws Exception {
        try (TargetServer recorded = TargetServer.start(); TargetServer other = TargetServer.start()) {
            Path har = har(recorded.url());
            Path java = dir.resolve("out/Recorded.java");
            Cli.Result convert = Cli.runAsGiven("convert", har.toString(), "-o", java.toString());
            assertThat(convert.exit()).as(convert.err()).isZero();
            assertThat(convert.err()).isEqualTo("stampede: wrote " + java + ": 2 requests to " + recorded.url()
                    + " in 2 steps; left out 1 static assets, 1 to other hosts (http://cdn.invalid)\n");
            assertThat(Files.readString(java)).contains("@Host(\"" + recorded.url() + "\")").doesNotContain("favicon");

            Path stats = dir.resolve("stats.json");
            Cli.Result run = Cli.run("-f", java.toString(), "-u", "1", "-t", "2s", "--json-file", stats.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            long fast = Cli.Result.entry(run.json(stats), "/fast").get("num_requests").asLong();
            assertThat(fast).isPositive().isEqualTo(recorded.requestCount("GET", "/fast"));
            assertThat(recorded.requestCount("GET", "/favicon.ico")).isZero();

            Cli.Result elsewhere = Cli.run("-f", java.toString(), "-H", other.url(), "-u", "1", "-t", "1s");
            assertThat(elsewhere.exit()).as(elsewhere.err()).isZero();
            assertThat(other.requestCount("GET", "/fast")).isPositive();
            assertThat(recorded.requestCount("GET", "/fast")).isEqualTo(fast);
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path notHar = Files.writeString(dir.resolve("page.har"), "<html></html>");
        Path out = dir.resolve("X.java");
        for (String[] args : new String[][] {
                {"convert", dir.resolve("missing.har").toString(), "-o", out.toString()},
                {"convert", notHar.toString(), "-o", out.toString()},
                {"convert", har("http://127.0.0.1:1").toString(), "-o", out.toString(), "--host", "http://127.0.0.1:2"},
                {"convert", har("http://127.0.0.1:1").toString(), "-o", dir.resolve("x.txt").toString()}}) {
            Cli.Result r = Cli.runAsGiven(args);
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().lines()).as(r.err()).hasSize(1).allMatch(l -> l.startsWith("stampede: "));
        }
        assertThat(out).doesNotExist();
    }

    /** GET /fast, then the favicon and a CDN script, then 1.5 s later POST /echo: two steps. */
    private Path har(String host) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode log = root.putObject("log");
        log.put("version", "1.2");
        log.putObject("creator").put("name", "test").put("version", "1");
        ArrayNode entries = log.putArray("entries");
        Instant t0 = Instant.parse("2026-12-02T10:00:00Z");
        entry(entries, t0, "GET", host + "/fast", null);
        entry(entries, t0.plusMillis(50), "GET", host + "/favicon.ico", null);
        entry(entries, t0.plusMillis(60), "GET", "http://cdn.invalid/lib", null);
        entry(entries, t0.plusMillis(1600), "POST", host + "/echo", "{\"n\":1}");
        Path file = dir.resolve("rec-" + entries.hashCode() + ".har");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    private static void entry(ArrayNode entries, Instant at, String method, String url, String body) {
        ObjectNode e = entries.addObject();
        e.put("startedDateTime", at.toString()).put("time", 10);
        ObjectNode req = e.putObject("request").put("method", method).put("url", url);
        req.putArray("headers").addObject().put("name", "User-Agent").put("value", "test");
        if (body != null) {
            req.putObject("postData").put("mimeType", "application/json").put("text", body);
        }
        e.putObject("response").put("status", 200).putObject("content").put("mimeType", "text/plain").put("text", "ok");
    }
}
