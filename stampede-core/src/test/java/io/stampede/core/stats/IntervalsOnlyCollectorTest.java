package io.stampede.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The engine's collector hands out intervals only; whoever folds them owns the totals. */
class IntervalsOnlyCollectorTest {
    @Test
    void handsOutEveryIntervalAndKeepsNoTotals() {
        FakeClock clock = new FakeClock();
        StatsRegistry registry = new StatsRegistry(clock, "n");
        StatsCollector collector = StatsCollector.intervalsOnly(registry, clock);
        StatsFold fold = new StatsFold(clock.epochMillis());
        long recorded = 0;
        for (int i = 1; i <= 5; i++) {
            for (int k = 0; k < i; k++) {
                registry.record("GET", "/x", 1_000_000L * k, 1, k == 0 ? "HTTP 500" : null);
                recorded++;
            }
            clock.advanceMillis(1000);
            StatsInterval interval = collector.next(1);
            assertThat(interval.sequence()).isEqualTo(i);
            assertThat(interval.total().count()).isEqualTo(i);
            fold.add(interval);
        }
        assertThat(fold.snapshot().total().count()).isEqualTo(recorded);
        assertThat(fold.snapshot().total().failures()).isEqualTo(5);
        assertThatThrownBy(collector::snapshot).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> collector.tick(1)).isInstanceOf(IllegalStateException.class);
    }
}
