package io.stampede.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.output.RunResult;
import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The knee rule that the console table and the HTML report share. */
class CapacityTableKneeIndexTest {
    /** A step of {@code users} that served {@code requests} in 10 s. */
    static RunResult.Phase step(int users, int requests) {
        long[] now = {1_000_000};
        Clock clock = new Clock() {
            @Override
            public long nanoTime() {
                return now[0] * 1_000_000;
            }

            @Override
            public long epochMillis() {
                return now[0];
            }
        };
        StatsRegistry registry = new StatsRegistry(clock, "test");
        StatsCollector collector = new StatsCollector(registry, clock);
        for (int i = 0; i < requests; i++) {
            registry.record("GET", "/", 5_000_000L, 10, null);
        }
        now[0] += 10_000;
        return new RunResult.Phase(users + " users", users, collector.tick(users));
    }

    @Test
    void theKneeIsTheLastStepWhoseUsersBoughtThroughput() {
        List<RunResult.Phase> phases = List.of(step(10, 1000), step(20, 2000), step(30, 2100), step(40, 2150));
        assertThat(CapacityTable.kneeIndex(phases)).isEqualTo(1);
        assertThat(CapacityTable.knee(phases)).startsWith("Knee: throughput stopped growing at about 20 users (200.0 req/s)");
    }

    @Test
    void noKneeWhileThroughputKeepsGrowing() {
        List<RunResult.Phase> phases = List.of(step(10, 1000), step(20, 2000), step(30, 3000));
        assertThat(CapacityTable.kneeIndex(phases)).isEqualTo(-1);
        assertThat(CapacityTable.knee(phases)).isNull();
        assertThat(CapacityTable.kneeIndex(List.of())).isEqualTo(-1);
    }
}
