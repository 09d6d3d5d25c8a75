package io.stampede.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntryStatsTest {
    private static final StatsKey KEY = new StatsKey("GET", "/e");

    /** One accumulator's samples, as one interval would hand them over. */
    static EntryStats of(long... nanos) {
        IntervalAccumulator a = new IntervalAccumulator();
        for (int i = 0; i < nanos.length; i++) {
            a.record(nanos[i], 10, i % 3 == 0 ? "HTTP 500" : null, 1_000 + i);
        }
        return a.toStats(KEY);
    }

    @Test
    void equalWhenEveryFieldIsEqual() {
        EntryStats a = of(1_000_000, 2_500_000, 7_000);
        assertThat(a).isEqualTo(of(1_000_000, 2_500_000, 7_000)).hasSameHashCodeAs(of(1_000_000, 2_500_000, 7_000));
        assertThat(EntryStats.empty(KEY)).isEqualTo(of());
    }

    @Test
    void differentSamplesOrKeysAreNotEqual() {
        EntryStats a = of(1_000_000, 2_500_000);
        assertThat(a).isNotEqualTo(of(1_000_000, 2_500_001)); // same bucket, different exact total and max
        assertThat(a).isNotEqualTo(of(1_000_000, 9_500_000));
        assertThat(a).isNotEqualTo(a.mergeAs(new StatsKey("POST", "/e"), EntryStats.empty(KEY)));
        assertThat(a).isNotEqualTo(a.merge(of(1)));
    }

    @Test
    void mergeAndSumAgree() {
        EntryStats a = of(1_000, 2_000_000);
        EntryStats b = of(3_000_000_000L);
        EntryStats c = of(5, 6, 7);
        assertThat(a.merge(b).merge(c)).isEqualTo(EntryStats.sum(KEY, List.of(c, b, a)))
                .isEqualTo(a.merge(b.merge(c)));
        assertThat(a.merge(b)).isEqualTo(b.merge(a));
    }

    @Test
    void minusUndoesMergeOfCounts() {
        EntryStats a = of(1_000_000, 2_000_000);
        EntryStats b = of(3_000_000);
        EntryStats diff = a.merge(b).minus(a);
        assertThat(diff.count()).isEqualTo(1);
        assertThat(diff.histogramMicros()).isEqualTo(b.histogramMicros());
        assertThat(diff.totalNanos()).isEqualTo(b.totalNanos());
    }
}
