package io.stampede.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
}
