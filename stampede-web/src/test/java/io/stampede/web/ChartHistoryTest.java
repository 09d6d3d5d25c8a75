package io.stampede.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The downsampling rule: bounded, nothing counted twice or lost, older points coarser. */
@Timeout(10)
class ChartHistoryTest {
    private static ChartPoint second(int s, long requests, double p99) {
        return new ChartPoint(s * 1000L, (s + 1) * 1000L, s, requests, requests / 10, p99 / 2, p99 * 0.9, p99, Double.NaN);
    }

    @Test
    void whenFullTheOlderHalfIsMergedPairwise() {
        ChartHistory h = new ChartHistory(8);
        for (int s = 0; s < 8; s++) {
            h.add(second(s, 10 * (s + 1), 100));
        }
        assertThat(h.size()).isEqualTo(8);
        h.add(second(8, 90, 100));
        List<ChartPoint> p = h.points();
        // 4 oldest became 2, the newest 4 stay, then the new one
        assertThat(p).hasSize(7);
        assertThat(p.get(0)).isEqualTo(new ChartPoint(0, 2000, 1, 30, 3, 50, 90, 100, Double.NaN));
        assertThat(p.get(0).rps()).isEqualTo(15.0);
        assertThat(p.get(1).startEpochMillis()).isEqualTo(2000);
        assertThat(p.get(1).endEpochMillis()).isEqualTo(4000);
        assertThat(p.subList(2, 7)).allMatch(x -> x.seconds() == 1.0);
        assertThat(p.stream().mapToLong(ChartPoint::requests).sum()).isEqualTo(450);
    }

    @Test
    void mergedPercentilesAreWeightedByRequests() {
        ChartPoint a = new ChartPoint(0, 1000, 1, 1, 0, 10, 10, 10, 100);
        ChartPoint b = new ChartPoint(1000, 3000, 2, 3, 1, 30, 30, 30, 50);
        ChartPoint m = a.merge(b);
        assertThat(m.p50()).isEqualTo(25.0);
        assertThat(m.users()).isEqualTo(2);
        assertThat(m.failures()).isEqualTo(1);
        // the intended rate is held over time: 100/s for 1 s and 50/s for 2 s
        assertThat(m.intendedRps()).isCloseTo(200.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(new ChartPoint(0, 1000, 0, 0, 0, 0, 0, 0, Double.NaN).merge(new ChartPoint(1000, 2000, 0, 0, 0, 0, 0, 0,
                Double.NaN)).p99()).isZero();
    }

    @Test
    void staysBoundedForAnyLength() {
        ChartHistory h = new ChartHistory(100);
        for (int s = 0; s < 100_000; s++) {
            h.add(second(s, 1, 1));
            assertThat(h.size()).isLessThanOrEqualTo(100);
        }
        assertThat(h.points().stream().mapToLong(ChartPoint::requests).sum()).isEqualTo(100_000);
    }

    @Test
    void historyLinesAreThinnedNotMerged() {
        HistoryRows rows = new HistoryRows(8);
        for (int i = 0; i < 9; i++) {
            rows.add("line " + i + "\n");
        }
        assertThat(rows.size()).isEqualTo(7);
        assertThat(rows.text()).isEqualTo("line 1\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\n");
    }
}
