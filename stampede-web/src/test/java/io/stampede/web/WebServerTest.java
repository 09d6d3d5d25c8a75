package io.stampede.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stampede.core.run.RunState;
import io.stampede.testkit.TargetServer;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server itself: authentication, a busy port, requests from other sites, the page's files, /metrics. */
@Timeout(60)
class WebServerTest {
    @Test
    void withAuthEveryPathAsksForTheUserAndPassword() throws Exception {
        try (TargetServer target = TargetServer.start(); LiveRun run = LiveRun.withAuth(target.url(), "admin:s3cret:x")) {
            for (String path : List.of("", "stats/requests", "static/app.js", "events", "stats/requests/csv", "stop")) {
                HttpResponse<String> none = new Http(run.server.url()).get(path);
                assertThat(none.statusCode()).as(path).isEqualTo(401);
                assertThat(none.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(
                        v -> assertThat(v).startsWith("Basic realm="));
                assertThat(new Http(run.server.url(), "admin:wrong").get(path).statusCode()).as(path).isEqualTo(401);
            }
            HttpResponse<String> wrongSwarm = new Http(run.server.url(), "admin:s3cret").swarm("1", "1");
            assertThat(wrongSwarm.statusCode()).isEqualTo(401);
            assertThat(run.control.state()).isEqualTo(RunState.READY);
            Http right = new Http(run.server.url(), "admin:s3cret:x");
            assertThat(right.get("").statusCode()).isEqualTo(200);
            assertThat(right.json("stats/requests").get("state").asText()).isEqualTo("ready");
            assertThat(right.get("static/app.js").body()).contains("connectLive");
        }
    }

    @Test
    void authMustBeUserColonPassword() {
        assertThatThrownBy(() -> WebServer.start("127.0.0.1", 0, "nopassword", new FixedControl(), new WebOutput(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user:password");
    }

    @Test
    void aBusyPortIsOneLineNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> WebServer.start("127.0.0.1", port, null, new FixedControl(), new WebOutput(), null))
                    .isInstanceOf(PortInUseException.class).isInstanceOf(UncheckedIOException.class)
                    .hasMessage("cannot start the web UI on 127.0.0.1:" + port + ": the port is in use (choose another)");
        }
        // and the failed start left nothing listening or running behind: a new server starts on a free port
        try (WebServer s = WebServer.start("127.0.0.1", 0, null, new FixedControl(), new WebOutput(), null)) {
            assertThat(new Http(s.url()).get("").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void otherSitesCannotDriveTheRun() throws Exception {
        FixedControl control = new FixedControl();
        try (WebServer s = WebServer.start("127.0.0.1", 0, null, control, new WebOutput(), null)) {
            Http http = new Http(s.url());
            Map<String, String> form = Map.of("user_count", "5", "spawn_rate", "1");
            assertThat(http.post("swarm", form, Map.of("Origin", "http://evil.example")).statusCode()).isEqualTo(403);
            assertThat(http.post("swarm", form, Map.of("Sec-Fetch-Site", "cross-site")).statusCode()).isEqualTo(403);
            assertThat(control.calls).isEmpty();
            String self = "http://127.0.0.1:" + s.port();
            assertThat(http.post("swarm", form, Map.of("Origin", self, "Sec-Fetch-Site", "same-origin")).statusCode())
                    .isEqualTo(200);
            assertThat(http.post("swarm", form).statusCode()).as("a script sends neither header").isEqualTo(200);
            assertThat(control.calls).containsExactly("swarm 5 1.0 null null", "swarm 5 1.0 null null");
        }
    }

    @Test
    void thePageAndItsFilesComeFromTheJar() throws Exception {
        try (WebServer s = WebServer.start("127.0.0.1", 0, null, new FixedControl(), new WebOutput(), null)) {
            Http http = new Http(s.url());
            HttpResponse<String> page = http.get("");
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("<title>Stampede</title>").doesNotContainPattern("(src|href)=\"(https?:)?//");
            HttpResponse<String> uplot = http.get("static/uPlot.iife.min.js");
            assertThat(uplot.statusCode()).isEqualTo(200);
            assertThat(uplot.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
            assertThat(uplot.body()).contains("uPlot");
            assertThat(http.get("static/uPlot.min.css").statusCode()).isEqualTo(200);
            assertThat(http.get("static/nothing.js").statusCode()).isEqualTo(404);
            assertThat(http.get("static/..%2Fpom.xml").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void metricsAreServedOnlyWhenGiven() throws Exception {
        try (WebServer without = WebServer.start("127.0.0.1", 0, null, new FixedControl(), new WebOutput(), null);
             WebServer with = WebServer.start("127.0.0.1", 0, null, new FixedControl(), new WebOutput(),
                     () -> "stampede_requests_total 42\n")) {
            assertThat(new Http(without.url()).get("metrics").statusCode()).isEqualTo(404);
            HttpResponse<String> m = new Http(with.url()).get("metrics");
            assertThat(m.statusCode()).isEqualTo(200);
            assertThat(m.body()).isEqualTo("stampede_requests_total 42\n");
            assertThat(m.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        }
    }

    @Test
    void refusedSwarmsSayWhy() throws Exception {
        FixedControl control = new FixedControl();
        control.refuse = new IllegalStateException("not now");
        try (WebServer s = WebServer.start("127.0.0.1", 0, null, control, new WebOutput(), null)) {
            HttpResponse<String> r = new Http(s.url()).swarm("1", "1");
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(Http.parse(r.body()).get("message").asText()).isEqualTo("not now");
        }
    }

    @Test
    void everyInterfaceIsReachedOnLoopback() throws Exception {
        for (String all : new String[] {"0.0.0.0", "", "*", null}) {
            try (WebServer s = WebServer.start(all, 0, null, new FixedControl(), new WebOutput(), null)) {
                assertThat(s.url().toString()).as(all).isEqualTo("http://127.0.0.1:" + s.port() + "/");
                assertThat(new Http(s.url()).get("").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void anAddressThatIsNotHereIsOneLine() {
        // TEST-NET-1 (RFC 5737): never an address of this machine
        assertThatThrownBy(() -> WebServer.start("192.0.2.1", 0, null, new FixedControl(), new WebOutput(), null))
                .isInstanceOf(UncheckedIOException.class).hasMessageStartingWith("cannot start the web UI on 192.0.2.1:0: ")
                .hasMessageNotContaining("\n").hasMessageNotContaining("in use");
    }

    /** A control that records what it was asked. */
    static class FixedControl implements WebControl {
        final List<String> calls = new ArrayList<>();
        RuntimeException refuse;

        @Override
        public RunState state() {
            return RunState.READY;
        }

        @Override
        public String host() {
            return "http://127.0.0.1:9";
        }

        @Override
        public List<String> userClasses() {
            return List.of("U");
        }

        @Override
        public int targetUsers() {
            return 0;
        }

        @Override
        public synchronized void swarm(int users, double spawnRate, String host, Duration runTime) {
            if (refuse != null) {
                throw refuse;
            }
            calls.add("swarm " + users + " " + spawnRate + " " + host + " " + runTime);
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public void resetStats() {
            calls.add("reset");
        }
    }
}
