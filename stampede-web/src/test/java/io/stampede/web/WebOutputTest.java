package io.stampede.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.core.run.RunState;
import io.stampede.core.stats.ArrivalStats;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the web output keeps and sends, fed as the run driver feeds it. */
@Timeout(30)
class WebOutputTest {
    private static JsonNode data(Frame f) throws Exception {
        String text = f.text();
        String line = text.lines().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow();
        return Http.parse(line.substring(6));
    }

    @Test
    void aLateBrowserGetsTheWholeRunThenEachIntervalOnce() throws Exception {
        WebOutput output = new WebOutput();
        SyntheticRun run = new SyntheticRun(output);
        for (int i = 0; i < 5; i++) {
            run.second(10, 2);
        }
        LiveClient late = output.connect();
        Frame history = late.next(Duration.ZERO);
        assertThat(history.event()).isEqualTo("history");
        JsonNode h = data(history);
        assertThat(h.get("points")).hasSize(5);
        assertThat(Http.aggregated(h.get("stats")).get("num_requests").asLong()).isEqualTo(50);

        run.second(10, 3);
        Frame update = late.next(Duration.ZERO);
        assertThat(update.event()).isEqualTo("update");
        JsonNode u = data(update);
        assertThat(u.get("points")).hasSize(1);
        assertThat(u.get("points").get(0).get("users").asInt()).isEqualTo(3);
        assertThat(u.get("points").get(0).get("rps").asDouble()).isEqualTo(10.0);
        assertThat(Http.aggregated(u.get("stats")).get("num_requests").asLong()).isEqualTo(60);
        assertThat(late.next(Duration.ZERO)).isNull();
    }

    @Test
    void aBrowserThatNeverReadsIsDroppedAndTheRunNeverWaits() throws Exception {
        WebOutput output = new WebOutput();
        SyntheticRun run = new SyntheticRun(output);
        LiveClient stuck = output.connect();
        LiveClient reading = output.connect();
        long slowest = 0;
        for (int i = 0; i < LiveClient.QUEUE_FRAMES * 3; i++) {
            long t0 = System.nanoTime();
            run.second(5, 1);
            slowest = Math.max(slowest, System.nanoTime() - t0);
            while (reading.next(Duration.ZERO) != null) {
                // this one keeps up
            }
        }
        assertThat(stuck.dropped()).isTrue();
        assertThat(stuck.next(Duration.ZERO)).isSameAs(Frame.END);
        assertThat(reading.dropped()).isFalse();
        assertThat(output.connectedBrowsers()).isEqualTo(1);
        assertThat(output.droppedBrowsers()).isEqualTo(1);
        // never a wait on a browser: each interval took far less than the run's interval
        assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void aFailureInsideNeverReachesTheDriver() throws Exception {
        WebOutput output = new WebOutput();
        output.bind(new WebServerTest.FixedControl() {
            @Override
            public RunState state() {
                throw new IllegalStateException("control gone");
            }
        });
        SyntheticRun run = new SyntheticRun(output);
        LiveClient c = output.connect();
        run.second(5, 1);
        run.finish();
        assertThat(output.problem()).contains("control gone");
        // what could be kept was kept
        assertThat(output.chartPoints()).isEqualTo(1);
        assertThat(output.view().result()).isNotNull();
        output.disconnect(c);
    }

    @Test
    void anArrivalRunShowsItsIntendedRateAndDrops() throws Exception {
        WebOutput output = new WebOutput();
        SyntheticRun run = new SyntheticRun(output);
        LiveClient c = output.connect();
        c.next(Duration.ZERO);
        run.second(40, 4);
        // the first interval's update waits for nothing: the output does not know yet it is an arrival run
        assertThat(c.next(Duration.ZERO).event()).isEqualTo("update");
        output.onArrival(new ArrivalStats(50, 48, 2, 4, 4), output.view().latest());
        JsonNode first = data(c.next(Duration.ZERO));
        assertThat(first.get("stats").get("arrival").get("dropped").asLong()).isEqualTo(2);
        assertThat(first.get("stats").get("arrival").get("intended_rps").asDouble()).isEqualTo(50.0);
        assertThat(first.get("stats").get("uncorrected_stats")).isNotEmpty();

        run.second(40, 4);
        assertThat(c.next(Duration.ZERO)).as("an arrival run's update waits for its figures").isNull();
        output.onArrival(new ArrivalStats(110, 100, 10, 4, 4), output.view().latest());
        JsonNode second = data(c.next(Duration.ZERO));
        assertThat(second.get("points").get(0).get("intended").asDouble()).isEqualTo(60.0);
        assertThat(second.get("stats").get("arrival").get("scheduled").asLong()).isEqualTo(110);
    }

    @Test
    void aNewRunStartsTheChartsAgainEverywhere() throws Exception {
        WebOutput output = new WebOutput();
        SyntheticRun first = new SyntheticRun(output);
        first.second(5, 1);
        first.finish();
        assertThat(output.view().result()).isNotNull();
        LiveClient c = output.connect();
        assertThat(data(c.next(Duration.ZERO)).get("points")).hasSize(1);
        new SyntheticRun(output);
        Frame restart = c.next(Duration.ZERO);
        assertThat(restart.event()).isEqualTo("history");
        assertThat(data(restart).get("points")).isEmpty();
        assertThat(output.view().result()).isNull();
        assertThat(output.historyCsv().lines().toList()).hasSize(1);
    }

    @Test
    void downloadsHoldTheRunSoFarThenTheFinalFigures() throws Exception {
        WebOutput output = new WebOutput();
        SyntheticRun run = new SyntheticRun(output);
        run.second(10, 1);
        JsonNode soFar = Http.parse(output.summaryJson());
        assertThat(soFar.get("stop_reason").isNull()).isTrue();
        run.second(10, 1);
        run.finish();
        JsonNode done = Http.parse(output.summaryJson());
        assertThat(done.get("stop_reason").asText()).isEqualTo("done");
        List<String> history = output.historyCsv().lines().toList();
        // the header, one line per interval, and the final one
        assertThat(history).hasSize(4);
        String[] fields = history.get(3).split(",");
        assertThat(fields[3]).isEqualTo("Aggregated");
        // Total Request Count: after the time, users, type, name, two rates and the eleven percentiles
        assertThat(fields[17]).isEqualTo("20");
    }
}
