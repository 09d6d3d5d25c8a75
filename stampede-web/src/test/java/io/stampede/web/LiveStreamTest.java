package io.stampede.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.testkit.TargetServer;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The live stream over HTTP during a real run: the history first, then updates each interval. */
@Timeout(90)
class LiveStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void historyOnConnectThenAnUpdateEveryInterval() throws Exception {
        try (TargetServer target = TargetServer.start(); LiveRun run = LiveRun.against(target.url());
             SseReader early = new SseReader(run.url("events"))) {
            assertThat(early.contentType).startsWith("text/event-stream");
            SseReader.Event first = early.next("history", WAIT);
            assertThat(first.data().get("points")).isEmpty();
            assertThat(first.data().get("stats").get("state").asText()).isEqualTo("ready");

            run.control.swarm(2, 20, null, null);
            // a new run tells every page to start its charts again
            assertThat(early.next("history", WAIT).data().get("points")).isEmpty();
            long previous = early.next("update", WAIT).receivedNanos();
            int points = 1;
            for (int i = 0; i < 6; i++) {
                SseReader.Event u = early.next("update", WAIT);
                assertThat(Duration.ofNanos(u.receivedNanos() - previous)).isLessThan(Duration.ofSeconds(2));
                previous = u.receivedNanos();
                points += u.data().get("points").size();
                assertThat(u.data().get("stats").get("stats")).isNotEmpty();
            }
            // a browser opened late (or reloaded) gets every point so far in its first message
            try (SseReader late = new SseReader(run.url("events"))) {
                JsonNode history = late.next("history", WAIT).data();
                assertThat(history.get("points").size()).isGreaterThanOrEqualTo(points);
                assertThat(history.get("points").get(0).get("t").asLong())
                        .isLessThanOrEqualTo(history.get("points").get(history.get("points").size() - 1).get("t").asLong());
            }
            run.control.stop();
            SseReader.Event stopped;
            do {
                stopped = early.next("state", WAIT);
            } while (!stopped.data().get("state").asText().equals("stopped"));
        }
    }

    @Test
    void aBrowserThatVanishesCostsTheRunNothing() throws Exception {
        try (TargetServer target = TargetServer.start(); LiveRun run = LiveRun.against(target.url())) {
            Socket gone = new Socket("127.0.0.1", run.server.port());
            OutputStream out = gone.getOutputStream();
            out.write(("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Http http = new Http(run.server.url());
            run.control.swarm(2, 20, null, null);
            http.statsUntil(s -> s.get("state").asText().equals("running"), WAIT);
            // a reset connection, as when a laptop's lid closes
            gone.setSoLinger(true, 0);
            gone.close();
            Thread.sleep(3 * LiveRun.INTERVAL.toMillis());
            long before = Http.aggregated(http.json("stats/requests")).get("num_requests").asLong();
            JsonNode later = http.statsUntil(s -> Http.aggregated(s).get("num_requests").asLong() > before + 20, WAIT);
            assertThat(later.get("state").asText()).isEqualTo("running");
            run.control.stop();
            JsonNode stopped = http.statsUntil(s -> s.get("state").asText().equals("stopped"), WAIT);
            assertThat(Http.aggregated(stopped).get("num_requests").asLong()).isEqualTo(target.requestCount());
            assertThat(run.output.connectedBrowsers()).isZero();
        }
    }
}
