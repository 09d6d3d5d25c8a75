package io.stampede.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.stats.StatsInterval;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HtmlOutput's bounded series: evenly merged neighbours, nothing lost, users as at each point's end. */
class IntervalBufferTest {
    @Test
    void keepsEveryIntervalUpToTheLimitThenMergesNeighboursWithoutLosingARequest() {
        SyntheticRun run = new SyntheticRun();
        IntervalBuffer buffer = new IntervalBuffer(8);
        long sent = 0;
        for (int i = 0; i < 7; i++) {
            int n = i % 5 + 1;
            sent += n;
            int users = i;
            buffer.add(run.interval(1000, users, r -> run.requests("GET", "/" + users % 3, n, 10, 2, "HTTP 500")));
        }
        assertThat(buffer.size()).isEqualTo(7);
        assertThat(buffer.width()).isEqualTo(1);
        for (int i = 7; i < 100; i++) {
            int n = i % 5 + 1;
            sent += n;
            int users = i;
            buffer.add(run.interval(1000, users, r -> run.requests("GET", "/" + users % 3, n, 10, 2, "HTTP 500")));
        }
        List<StatsInterval> points = buffer.series();
        assertThat(points.size()).isLessThanOrEqualTo(8).isEqualTo(buffer.size());
        assertThat(buffer.width()).isEqualTo(16);
        long counted = 0;
        long failures = 0;
        long end = SyntheticRun.START;
        for (int i = 0; i < points.size(); i++) {
            StatsInterval p = points.get(i);
            assertThat(p.startEpochMillis()).as("points are contiguous").isEqualTo(end);
            long seconds = (p.endEpochMillis() - p.startEpochMillis()) / 1000;
            if (i < points.size() - 1) {
                assertThat(seconds).as("each full point holds the same number of intervals").isEqualTo(16);
            }
            end = p.endEpochMillis();
            assertThat(p.users()).as("users at the point's end").isEqualTo((int) ((end - SyntheticRun.START) / 1000 - 1));
            assertThat(p.entries()).hasSize(1);
            assertThat(p.errors()).isEmpty();
            counted += p.total().count();
            failures += p.total().failures();
        }
        assertThat(end).isEqualTo(SyntheticRun.START + 100_000);
        assertThat(counted).isEqualTo(sent).isEqualTo(run.collector.snapshot().total().count());
        assertThat(failures).isEqualTo(run.collector.snapshot().total().failures()).isPositive();
    }

    @Test
    void anIntervalWithoutRequestsStaysAPointWithoutEntries() {
        SyntheticRun run = new SyntheticRun();
        IntervalBuffer buffer = new IntervalBuffer(4);
        buffer.add(run.interval(1000, 2, r -> r.recordCheck("ok", true)));
        assertThat(buffer.series()).singleElement().satisfies(p -> {
            assertThat(p.entries()).isEmpty();
            assertThat(p.checks()).isEmpty();
            assertThat(p.users()).isEqualTo(2);
        });
    }
}
