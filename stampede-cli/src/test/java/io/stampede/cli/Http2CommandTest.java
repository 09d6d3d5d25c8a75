package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --http2} end to end against Debian's nginx on loopback: what nginx counted (requests and
 * connections, from its stub_status) is what Stampede reports, and the JSON says HTTP/2.
 */
@Timeout(120)
class Http2CommandTest {
    @TempDir
    static Path dir;
    static NginxHttp2 nginx;

    @BeforeAll
    static void start() throws Exception {
        nginx = NginxHttp2.startOrSkip(dir.resolve("nginx"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
    }

    private static Path scenario() throws Exception {
        return Cli.scenario(dir, "Browse", """
                import io.stampede.*;
                public class Browse extends HttpUser { @Task void t() { client.get("/items?page=1"); } }
                """);
    }

    @Test
    void overTlsEveryRequestIsCountedOnAConnectionPerUser() throws Exception {
        Path json = dir.resolve("tls.json");
        NginxHttp2.Counts before = nginx.counts();
        Cli.Result r = Cli.run("-f", scenario().toString(), "-H", "https://127.0.0.1:" + nginx.tlsPort, "--http2",
                "--insecure", "-u", "3", "-r", "100", "-t", "2s", "--only-summary", "--json-file", json.toString(),
                "--csv", dir.resolve("tls").toString());
        NginxHttp2.Counts seen = nginx.counts().minus(before);
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = r.json(json);
        long total = Cli.Result.entry(doc, "Aggregated").get("num_requests").asLong();
        assertThat(total).isEqualTo(Cli.Result.entry(doc, "/items").get("num_requests").asLong()).isGreaterThan(20);
        assertThat(seen.requests()).isEqualTo(total);
        // a connection per user, plus the reachability check before the run
        assertThat(seen.connections()).isEqualTo(3 + 1);
        assertThat(doc.get("protocol").asText()).isEqualTo("HTTP/2");
        assertThat(doc.get("http2").get("mode").asText()).isEqualTo("h2 (TLS, ALPN)");
        assertThat(doc.get("http2").get("connections").asLong()).isEqualTo(3);
        assertThat(doc.get("http2").get("responses").asLong()).isEqualTo(total);
        assertThat(r.out()).contains("Protocol: HTTP/2, h2 (TLS, ALPN): " + String.format("%,d", total) + " responses over 3 connections");
        // the CSV files keep Locust's columns
        List<String> csv = Files.readAllLines(dir.resolve("tls_stats.csv"));
        assertThat(csv.get(0)).startsWith("Type,Name,Request Count,Failure Count,Median Response Time,");
        assertThat(csv.get(csv.size() - 1)).startsWith(",Aggregated," + total + ",0,");
    }

    @Test
    void aSelfSignedServerFailsWithAClearMessageUnlessInsecure() throws Exception {
        NginxHttp2.Counts before = nginx.counts();
        Cli.Result r = Cli.run("-f", scenario().toString(), "-H", "https://127.0.0.1:" + nginx.tlsPort, "--http2",
                "-u", "1", "-r", "1", "-t", "3s", "--only-summary");
        NginxHttp2.Counts seen = nginx.counts().minus(before);
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        // the JDK's TLS handshake is slow on a loaded machine: 3 s leave room for at least one
        assertThat(r.out()).contains("GET /items: TLS: server certificate not trusted");
        assertThat(r.err()).contains("--insecure skips verification");
        assertThat(seen.requests()).isZero();
    }

    @Test
    void cleartextPriorKnowledgeCarriesAUsersConcurrentRequestsOnOneConnection() throws Exception {
        Path fanout = Cli.scenario(dir, "Fanout", """
                import io.stampede.*;
                import java.util.concurrent.Executors;
                public class Fanout extends HttpUser {
                    // a page's four parallel fetches: with --http2 they are four streams on this user's connection
                    @Task void page() {
                        try (var fetches = Executors.newVirtualThreadPerTaskExecutor()) {
                            for (int i = 0; i < 4; i++) {
                                fetches.submit(() -> client.get("/part"));
                            }
                        }
                    }
                }
                """);
        Path json = dir.resolve("h2c.json");
        NginxHttp2.Counts before = nginx.counts();
        Cli.Result r = Cli.run("-f", fanout.toString(), "-H", "http://127.0.0.1:" + nginx.h2cPort, "--http2",
                "-u", "2", "-r", "100", "-t", "2s", "--only-summary", "--json-file", json.toString());
        NginxHttp2.Counts seen = nginx.counts().minus(before);
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = r.json(json);
        long total = Cli.Result.entry(doc, "Aggregated").get("num_requests").asLong();
        assertThat(total).isGreaterThan(20);
        assertThat(seen.requests()).isEqualTo(total);
        assertThat(seen.connections()).isEqualTo(2 + 1);
        assertThat(doc.get("protocol").asText()).isEqualTo("HTTP/2");
        assertThat(doc.get("http2").get("mode").asText()).startsWith("h2c");
        assertThat(doc.get("http2").get("peak_streams_per_connection").asInt()).isBetween(1, 4);
    }

    @Test
    void aServerClosingConnectionsWithGoAwayLosesAndDoublesNoRequest() throws Exception {
        Path json = dir.resolve("goaway.json");
        NginxHttp2.Counts before = nginx.counts();
        Cli.Result r = Cli.run("-f", scenario().toString(), "-H", "http://127.0.0.1:" + nginx.goAwayPort, "--http2",
                "-u", "2", "-r", "100", "-t", "2s", "--only-summary", "--json-file", json.toString());
        NginxHttp2.Counts seen = nginx.counts().minus(before);
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = r.json(json);
        long total = Cli.Result.entry(doc, "Aggregated").get("num_requests").asLong();
        assertThat(Cli.Result.entry(doc, "Aggregated").get("num_failures").asLong()).isZero();
        assertThat(total).isGreaterThan(60);
        assertThat(seen.requests()).isEqualTo(total);
        // nginx ends each connection after 20 requests: the users reconnect
        assertThat(doc.get("http2").get("connections").asLong()).isGreaterThanOrEqualTo(total / 20);
        assertThat(seen.connections()).isEqualTo(doc.get("http2").get("connections").asLong() + 1);
    }

    @Test
    void http2AndASharedPoolAreRefused() throws Exception {
        NginxHttp2.Counts before = nginx.counts();
        Cli.Result r = Cli.run("-f", scenario().toString(), "-H", "http://127.0.0.1:" + nginx.h2cPort, "--http2",
                "--max-connections", "4", "-u", "1", "-t", "1s");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().toList()).containsExactly("stampede: --http2 keeps one connection per user (its requests"
                + " are streams on it); --max-connections shares HTTP/1.1 connections: give one or the other");
        assertThat(nginx.counts().minus(before).requests()).isZero();
    }

    @Test
    void aMastersWorkersSpeakHttp2WhenTheMasterIsAsked() throws Exception {
        // every request fails unless nginx itself says it arrived over HTTP/2
        Path checked = Cli.scenario(dir, "Checked", """
                import io.stampede.*;
                public class Checked extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.02); }
                    @Task void t() {
                        try (CaughtResponse r = client.request("GET", "/protocol").catchResponse()) {
                            if (!r.text().equals("HTTP/2.0")) {
                                r.failure("nginx saw " + r.text());
                            }
                        }
                    }
                }
                """);
        Path json = dir.resolve("cluster.json");
        NginxHttp2.Counts before = nginx.counts();
        RunningCommand master = RunningCommand.startAs("m", "-f", checked.toString(), "-H", "http://127.0.0.1:" + nginx.h2cPort,
                "--http2", "-u", "4", "-r", "100", "-t", "3s", "--headless", "--only-summary", "--json-file", json.toString(),
                "--master", "--master-bind-host", "127.0.0.1", "--master-bind-port", "0", "--expect-workers", "2",
                "--expect-workers-max-wait", "60s", "--cluster-token", "h2");
        String port = String.valueOf(master.masterPort());
        List<RunningCommand> workers = List.of(
                RunningCommand.startAs("w0", "--worker", "--master-port", port, "--cluster-token", "h2"),
                RunningCommand.startAs("w1", "--worker", "--master-port", port, "--cluster-token", "h2"));
        assertThat(master.exitWithin(60)).as(master.errText()).isZero();
        for (RunningCommand w : workers) {
            assertThat(w.exitWithin(30)).as(w.errText()).isZero();
        }
        NginxHttp2.Counts seen = nginx.counts().minus(before);
        JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        JsonNode all = Cli.Result.entry(doc, "Aggregated");
        assertThat(all.get("num_requests").asLong()).isGreaterThan(20).isEqualTo(seen.requests());
        assertThat(all.get("num_failures").asLong()).as(doc.get("failures").toString()).isZero();
        assertThat(doc.get("protocol").asText()).isEqualTo("HTTP/2");
        assertThat(doc.get("http2").get("spoken_by").asText()).isEqualTo("workers");
        assertThat(master.outText()).contains("Protocol: HTTP/2, h2c (cleartext, prior knowledge), spoken by the workers");
    }
}
