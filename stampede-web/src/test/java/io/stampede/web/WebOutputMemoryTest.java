package io.stampede.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jol.info.GraphLayout;

/**
 * Ten hours at one interval a second (36,000 intervals) through the web output: what it keeps stays
 * bounded, measured as the retained size of the whole output object graph (JOL), and the charts
 * still cover the whole run with every request counted. docs/web-ui.md states the figures printed here.
 */
@Timeout(300)
class WebOutputMemoryTest {
    private static final int TEN_HOURS = 36_000;

    @Test
    void tenHoursOfIntervalsKeepABoundedHistory() {
        WebOutput output = new WebOutput();
        SyntheticRun run = new SyntheticRun(output);
        long retainedAtOneHour = 0;
        for (int s = 1; s <= TEN_HOURS; s++) {
            run.second(20, 10);
            if (s == 3_600) {
                retainedAtOneHour = GraphLayout.parseInstance(output).totalSize();
            }
        }
        long retained = GraphLayout.parseInstance(output).totalSize();
        List<ChartPoint> points = output.chartHistory();
        System.out.printf("web output after %,d intervals: %,d bytes retained (%,d after 1 h), of which the latest"
                + " snapshot %,d, %,d chart points %,d, %,d history lines %,d; a browser connecting now is sent %,d bytes%n",
                TEN_HOURS, retained, retainedAtOneHour, GraphLayout.parseInstance(output.view().latest()).totalSize(),
                points.size(), GraphLayout.parseInstance(points).totalSize(), output.historyLines(),
                output.historyCsv().length(), historyMessageBytes(output));

        assertThat(points.size()).isLessThanOrEqualTo(ChartHistory.DEFAULT_CAPACITY);
        assertThat(output.historyLines()).isLessThanOrEqualTo(HistoryRows.DEFAULT_CAPACITY);
        // bounded: ten times the run keeps far less than twice as much (what grows is digits: counts get longer)
        assertThat(retained).isLessThan(retainedAtOneHour * 2).isLessThan(1_500_000);
        // nothing lost by merging: the points cover the run end to end and count every request
        assertThat(points.get(0).startEpochMillis()).isEqualTo(run.clock.epochMillis() - TEN_HOURS * 1000L);
        assertThat(points.get(points.size() - 1).endEpochMillis()).isEqualTo(run.clock.epochMillis());
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).startEpochMillis()).isEqualTo(points.get(i - 1).endEpochMillis());
        }
        assertThat(points.stream().mapToLong(ChartPoint::requests).sum()).isEqualTo(run.requests);
        // the newest quarter of an hour is still at full resolution
        assertThat(points.subList(points.size() - 900, points.size())).allMatch(p -> p.seconds() == 1.0);
    }

    /** What a browser that connects at the end of the run is sent first. */
    private static long historyMessageBytes(WebOutput output) {
        LiveClient c = output.connect();
        try {
            return c.next(java.time.Duration.ZERO).text().length();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            output.disconnect(c);
        }
    }
}
