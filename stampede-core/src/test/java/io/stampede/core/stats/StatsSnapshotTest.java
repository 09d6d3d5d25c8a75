package io.stampede.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class StatsSnapshotTest {
    private final FakeClock clock = new FakeClock();

    @Test
    void recordsExactCountsTimesAndPercentiles() {
        StatsRegistry registry = new StatsRegistry(clock, "n1");
        StatsCollector collector = new StatsCollector(registry, clock);
        for (int ms = 1; ms <= 1000; ms++) {
            registry.record("GET", "/a", ms * 1_000_000L, 10, null);
        }
        for (int i = 0; i < 10; i++) {
            registry.record("POST", "/b", 5_000_000L, 0, "HTTP 500 Internal Server Error");
        }
        clock.advanceMillis(10_000);
        StatsSnapshot s = collector.tick(3);
        EntryStats a = s.entry("GET", "/a");
        assertThat(a.count()).isEqualTo(1000);
        assertThat(a.failures()).isZero();
        assertThat(a.averageMillis()).isEqualTo(500.5);
        assertThat(a.minMillis()).isEqualTo(1.0);
        assertThat(a.maxMillis()).isEqualTo(1000.0);
        assertThat(a.medianMillis()).isCloseTo(500, within(0.6));
        assertThat(a.percentileMillis(99)).isCloseTo(990, within(1.0));
        assertThat(a.percentileMillis(100)).isEqualTo(1000.0);
        assertThat(s.total().count()).isEqualTo(1010);
        assertThat(s.total().failures()).isEqualTo(10);
        assertThat(s.rps(s.total())).isCloseTo(101, within(0.01));
        assertThat(s.errors()).singleElement().satisfies(e -> {
            assertThat(e.occurrences()).isEqualTo(10);
            assertThat(e.error()).isEqualTo("HTTP 500 Internal Server Error");
        });
    }

    @Test
    void mergeOfTwoRegistriesEqualsOneRegistry() {
        StatsRegistry one = new StatsRegistry(clock, "all");
        StatsRegistry w1 = new StatsRegistry(clock, "w1");
        StatsRegistry w2 = new StatsRegistry(clock, "w2");
        for (int i = 0; i < 5000; i++) {
            long nanos = (i * 7919L % 3000 + 1) * 100_000L;
            String error = i % 17 == 0 ? "connection reset by peer" : null;
            one.record("GET", "/x" + i % 3, nanos, i, error);
            (i % 2 == 0 ? w1 : w2).record("GET", "/x" + i % 3, nanos, i, error);
        }
        StatsSnapshot all = new StatsCollector(one, clock).tick(2);
        StatsSnapshot merged = new StatsCollector(w1, clock).tick(1).merge(new StatsCollector(w2, clock).tick(1));
        assertThat(merged.users()).isEqualTo(2);
        assertThat(merged.total().count()).isEqualTo(all.total().count());
        assertThat(merged.total().failures()).isEqualTo(all.total().failures());
        assertThat(merged.total().totalNanos()).isEqualTo(all.total().totalNanos());
        assertThat(merged.total().contentBytes()).isEqualTo(all.total().contentBytes());
        for (double p : Percentiles.REPORTED) {
            assertThat(merged.total().percentileMillis(p)).isEqualTo(all.total().percentileMillis(p));
        }
        assertThat(merged.entries()).hasSize(3);
        assertThat(merged.errors().stream().mapToLong(ErrorStats::occurrences).sum())
                .isEqualTo(all.errors().stream().mapToLong(ErrorStats::occurrences).sum());
        StatsSnapshot identity = StatsSnapshot.empty(clock.epochMillis()).merge(all);
        assertThat(identity.total().count()).isEqualTo(all.total().count());
    }

    @Test
    void concurrentWritersLoseNothingAcrossTicks() throws Exception {
        StatsRegistry registry = new StatsRegistry(clock, "n");
        StatsCollector collector = new StatsCollector(registry, clock);
        int threads = 8;
        int each = 20_000;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        registry.record("GET", "/c", 1_000_000L, 1, null);
                    }
                });
            }
            for (int i = 0; i < 50; i++) {
                collector.tick(threads); // ticking while writers write must not drop samples
            }
        }
        assertThat(collector.tick(0).total().count()).isEqualTo((long) threads * each);
    }

    @Test
    void resetForgetsEverything() {
        StatsRegistry registry = new StatsRegistry(clock, "n");
        StatsCollector collector = new StatsCollector(registry, clock);
        registry.record("GET", "/r", 1_000_000L, 1, "HTTP 404 Not Found");
        registry.recordCheck("ok", false);
        collector.reset();
        registry.record("GET", "/r", 1_000_000L, 1, null);
        StatsSnapshot s = collector.tick(1);
        assertThat(s.total().count()).isEqualTo(1);
        assertThat(s.errors()).isEmpty();
        assertThat(s.checks()).isEmpty();
    }

    @Test
    void minusKeepsTheGrowthOfExceptionsAndChecks() {
        StatsRegistry registry = new StatsRegistry(clock, "n");
        StatsCollector collector = new StatsCollector(registry, clock);
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalArgumentException bad = new IllegalArgumentException("bad");
        registry.recordException(boom);
        registry.recordException(bad);
        registry.recordCheck("status is 200", true);
        registry.recordCheck("body has id", false);
        clock.advanceMillis(1000);
        StatsSnapshot before = collector.tick(1);
        registry.recordException(boom);
        registry.recordException(boom);
        registry.recordCheck("status is 200", true);
        registry.recordCheck("status is 200", false);
        registry.recordCheck("new check", true);
        clock.advanceMillis(1000);
        StatsSnapshot phase = collector.tick(1).minus(before, 1);

        assertThat(phase.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("IllegalStateException: boom");
            assertThat(e.count()).isEqualTo(2);
            assertThat(e.nodes()).containsExactly("n");
        });
        assertThat(phase.checks()).containsExactlyInAnyOrder(new CheckStats("status is 200", 1, 1),
                new CheckStats("new check", 1, 0));
        assertThat(phase.currentSeconds()).isZero();
    }

    private static StatsSnapshot window(long windowStart, long end, long requests) {
        StatsRegistry r = new StatsRegistry(new FakeClock(), "w");
        for (int i = 0; i < requests; i++) {
            r.record("GET", "/w", 1_000_000L, 0, null);
        }
        EntryStats e = new StatsCollector(r, new FakeClock()).tick(1).entry("GET", "/w");
        return new StatsSnapshot(windowStart, end, 1, List.of(e), StatsSnapshot.totalOf(List.of(e)), List.of(e),
                StatsSnapshot.totalOf(List.of(e)), windowStart, List.of(), List.of(), List.of());
    }

    @Test
    void twoWorkersOverTheSameWindowKeepItsLength() {
        StatsSnapshot merged = window(10_000, 20_000, 100).merge(window(10_000, 20_000, 300));
        assertThat(merged.currentSeconds()).isEqualTo(10.0);
        assertThat(merged.currentRps(StatsSnapshot.AGGREGATED)).isEqualTo(40.0);
    }

    @Test
    void consecutiveWindowsAddUp() {
        StatsSnapshot first = window(10_000, 20_000, 100);
        StatsSnapshot second = window(20_000, 25_000, 50);
        for (StatsSnapshot merged : List.of(first.merge(second), second.merge(first))) {
            assertThat(merged.currentSeconds()).isEqualTo(15.0);
            assertThat(merged.currentRps(StatsSnapshot.AGGREGATED)).isEqualTo(10.0);
            assertThat(merged.durationSeconds()).isEqualTo(15.0);
        }
    }

    @Test
    void aSnapshotWithoutWindowLeavesTheOtherWindowAlone() {
        StatsSnapshot s = window(10_000, 20_000, 100);
        assertThat(StatsSnapshot.empty(15_000).merge(s)).isEqualTo(s);
        assertThat(s.merge(StatsSnapshot.empty(15_000))).isEqualTo(s);
    }
}
