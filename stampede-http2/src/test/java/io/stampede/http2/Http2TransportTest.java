package io.stampede.http2;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.HttpSession;
import io.stampede.Response;
import io.stampede.http.HttpClientConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP/2 transport against a real HTTP/2 server (Jetty's) on loopback, counted on the server's side. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Http2TransportTest {
    @TempDir
    static Path dir;
    static Http2TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new Http2TestServer(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static void reset() {
        server.requests.set(0);
        server.protocols.clear();
        server.byConnection.clear();
        server.inFlight.clear();
        server.peakInFlightOnOneConnection.set(0);
    }

    private static HttpClientConfig config(String url, boolean insecure) {
        return HttpClientConfig.of(url).withInsecure(insecure);
    }

    @Test
    void overTlsWithAlpnEachUserHasOneConnectionAndEveryRequestIsCounted() throws Exception {
        reset();
        Samples samples = new Samples();
        try (Http2SessionFactory factory = new Http2SessionFactory(config(server.tlsUrl(), true))) {
            List<HttpSession> users = new ArrayList<>();
            for (int u = 0; u < 3; u++) {
                users.add(factory.open(samples));
            }
            for (int i = 0; i < 20; i++) {
                for (HttpSession user : users) {
                    Response r = user.get("/items?page=" + i);
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.text()).isEqualTo("ok: GET /items?page=" + i + " ");
                    assertThat(r.header("X-Seen-By")).isEqualTo("jetty");
                }
            }
            assertThat(factory.stats().responses()).isEqualTo(60);
            assertThat(factory.stats().connections()).isEqualTo(3);
            assertThat(factory.mode()).isEqualTo("h2 (TLS, ALPN)");
        }
        assertThat(server.requests.get()).isEqualTo(60);
        assertThat(server.protocols).containsOnlyKeys("HTTP/2.0");
        assertThat(server.connections()).isEqualTo(3);
        assertThat(server.byConnection.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(20));
        assertThat(samples.count("GET /items -> ok")).isEqualTo(60);
        assertThat(server.lastHeaders).containsEntry("user-agent", "stampede/0.1");
    }

    @Test
    void aSelfSignedCertificateIsRefusedUnlessInsecure() throws Exception {
        reset();
        Samples samples = new Samples();
        try (Http2SessionFactory factory = new Http2SessionFactory(config(server.tlsUrl(), false))) {
            HttpSession user = factory.open(samples);
            Response r = user.get("/secret");
            assertThat(r.ok()).isFalse();
            assertThat(r.error()).isEqualTo("TLS: server certificate not trusted");
        }
        assertThat(server.requests.get()).isZero();
        assertThat(samples.lines).containsExactly("GET /secret -> TLS: server certificate not trusted");
    }

    @Test
    void cleartextWithPriorKnowledge() throws Exception {
        reset();
        Samples samples = new Samples();
        try (Http2SessionFactory factory = new Http2SessionFactory(config(server.h2cUrl(), false))) {
            HttpSession user = factory.open(samples);
            for (int i = 0; i < 10; i++) {
                assertThat(user.post("/orders", "{\"n\":" + i + "}").text()).isEqualTo("ok: POST /orders {\"n\":" + i + "}");
            }
            Response missing = user.request("GET", "/status/404").name("missing").send();
            assertThat(missing.error()).isEqualTo("HTTP 404 Not Found");
            assertThat(factory.mode()).startsWith("h2c");
            assertThat(factory.stats().responses()).isEqualTo(11);
        }
        assertThat(server.requests.get()).isEqualTo(11);
        assertThat(server.protocols).containsOnlyKeys("HTTP/2.0");
        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.lastHeaders).containsEntry("content-type", "application/json");
        assertThat(samples.count("POST /orders -> ok")).isEqualTo(10);
        assertThat(samples.count("GET missing -> HTTP 404 Not Found")).isEqualTo(1);
    }

    @Test
    void aUsersConcurrentRequestsAreStreamsOnItsOneConnection() throws Exception {
        reset();
        Samples samples = new Samples();
        try (Http2SessionFactory factory = new Http2SessionFactory(config(server.h2cUrl(), false));
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpSession user = factory.open(samples);
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> user.get("/slow").status());
            }
            long start = System.nanoTime();
            for (Future<Integer> f : threads.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(200);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            // eight 300 ms answers one after another would take 2.4 s
            assertThat(millis).isLessThan(1500);
            assertThat(factory.stats().connections()).isEqualTo(1);
            assertThat(factory.stats().peakStreamsPerConnection()).isEqualTo(8);
        }
        assertThat(server.requests.get()).isEqualTo(8);
        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.peakInFlightOnOneConnection.get()).isEqualTo(8);
        assertThat(samples.count("GET /slow -> ok")).isEqualTo(8);
    }

    @Test
    void aTlsServerThatDoesNotOfferHttp2IsNamed() throws Exception {
        reset();
        Samples samples = new Samples();
        try (Http2SessionFactory factory = new Http2SessionFactory(config(server.http11TlsUrl(), true))) {
            Response r = factory.open(samples).get("/");
            assertThat(r.error()).isEqualTo("HTTP/2: the server did not agree to h2 in the TLS handshake (ALPN); it may speak HTTP/1.1 only");
        }
        assertThat(server.requests.get()).isZero();
        assertThat(samples.lines).hasSize(1);
    }
}
