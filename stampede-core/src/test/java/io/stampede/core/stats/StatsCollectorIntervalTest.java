package io.stampede.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsCollectorIntervalTest {
    private final FakeClock clock = new FakeClock();
    private final StatsRegistry registry = new StatsRegistry(clock, "n1");
    private final StatsCollector collector = new StatsCollector(registry, clock);

    @Test
    void intervalsAreNumberedAndFollowEachOther() {
        long start = clock.epochMillis();
        clock.advanceMillis(1000);
        StatsInterval first = collector.next(1);
        clock.advanceMillis(1500);
        StatsInterval second = collector.next(2);
        assertThat(List.of(first.sequence(), second.sequence())).containsExactly(1L, 2L);
        assertThat(first.startEpochMillis()).isEqualTo(start);
        assertThat(first.endEpochMillis()).isEqualTo(second.startEpochMillis()).isEqualTo(start + 1000);
        assertThat(second.endEpochMillis()).isEqualTo(start + 2500);
        assertThat(second.users()).isEqualTo(2);
        assertThat(second.node()).isEqualTo("n1");
        assertThat(first.isEmpty()).isTrue();
    }

    @Test
    void eachIntervalHoldsOnlyWhatHappenedWithinIt() {
        registry.record("GET", "/a", 2_000_000L, 10, "HTTP 500");
        registry.recordException(new IllegalStateException("boom"));
        registry.recordCheck("ok", true);
        clock.advanceMillis(1000);
        StatsInterval first = collector.next(1);
        registry.record("GET", "/a", 3_000_000L, 10, "HTTP 500");
        registry.record("GET", "/a", 3_000_000L, 10, null);
        clock.advanceMillis(400);
        registry.record("GET", "/a", 3_000_000L, 10, "HTTP 500");
        registry.recordCheck("ok", false);
        clock.advanceMillis(600);
        StatsInterval second = collector.next(1);

        assertThat(first.total().count()).isEqualTo(1);
        assertThat(first.exceptions()).singleElement().satisfies(e -> assertThat(e.count()).isEqualTo(1));
        assertThat(first.checks()).containsExactly(new CheckStats("ok", 1, 0));
        assertThat(second.entries()).singleElement().satisfies(e -> {
            assertThat(e.count()).isEqualTo(3);
            assertThat(e.failures()).isEqualTo(2);
        });
        assertThat(second.errors()).containsExactly(new ErrorStats("GET", "/a", "HTTP 500", 2,
                first.endEpochMillis(), first.endEpochMillis() + 400));
        assertThat(second.exceptions()).isEmpty();
        assertThat(second.checks()).containsExactly(new CheckStats("ok", 0, 1));
    }

    @Test
    void tickIsTheFoldOfTheIntervals() {
        StatsFold fold = new StatsFold(clock.epochMillis());
        for (int i = 0; i < 14; i++) {
            for (int j = 0; j <= i; j++) {
                registry.record("GET", "/t" + j % 3, (j + 1) * 1_000_000L, j, j % 4 == 0 ? "timeout" : null);
            }
            registry.recordCheck("c", i % 2 == 0);
            clock.advanceMillis(1000);
            fold.add(collector.next(i));
        }
        StatsSnapshot byCollector = collector.tick(14);
        StatsSnapshot byFold = fold.add(StatsInterval.empty(15, "n1", clock.epochMillis(), clock.epochMillis(), 14));
        assertThat(byCollector).isEqualTo(byFold);
        assertThat(byCollector.total().count()).isEqualTo(105);
        // The window is the last 10 intervals: the tick's own (empty, no time passed) and 9 of a second each.
        assertThat(byCollector.current().stream().mapToLong(EntryStats::count).sum())
                .isEqualTo(6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14);
        assertThat(byCollector.currentSeconds()).isEqualTo(9.0);
        assertThat(byCollector.checks()).containsExactly(new CheckStats("c", 7, 7));
    }

    @Test
    void resetStartsTheNextIntervalAndTheTotalsThere() {
        registry.record("GET", "/r", 1_000_000L, 1, "HTTP 404");
        registry.recordException(new IllegalStateException("before"));
        clock.advanceMillis(1000);
        collector.next(1);
        registry.record("GET", "/r", 1_000_000L, 1, "HTTP 404");
        clock.advanceMillis(500);
        collector.reset();
        long resetAt = clock.epochMillis();
        registry.record("GET", "/r", 1_000_000L, 1, null);
        clock.advanceMillis(1000);
        StatsInterval after = collector.next(1);
        assertThat(after.sequence()).isEqualTo(2);
        assertThat(after.startEpochMillis()).isEqualTo(resetAt);
        assertThat(after.errors()).isEmpty();
        StatsSnapshot s = collector.snapshot();
        assertThat(s.startEpochMillis()).isEqualTo(resetAt);
        assertThat(s.total().count()).isEqualTo(1);
        assertThat(s.errors()).isEmpty();
        assertThat(s.exceptions()).isEmpty();
    }
}
