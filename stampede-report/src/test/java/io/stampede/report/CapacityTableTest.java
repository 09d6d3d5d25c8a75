package io.stampede.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.output.RunResult;
import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The knee sentence under the step table, pinned word for word: the CLI's users read it. */
class CapacityTableTest {
    private long nanos;
    private long millis = 1_700_000_000_000L;
    private final Clock clock = new Clock() {
        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public long epochMillis() {
            return millis;
        }
    };
    private final StatsRegistry registry = new StatsRegistry(clock, "test");
    private final StatsCollector collector = new StatsCollector(registry, clock);
    private StatsSnapshot last = collector.snapshot();

    /** A 10-second step at {@code users} with {@code requests} requests of {@code ms} each. */
    private RunResult.Phase step(int users, int requests, long ms) {
        for (int i = 0; i < requests; i++) {
            registry.record("GET", "/r", ms * 1_000_000L, 0, null);
        }
        nanos += 10_000_000_000L;
        millis += 10_000;
        StatsSnapshot now = collector.tick(users);
        RunResult.Phase p = new RunResult.Phase("step " + users, users, now.minus(last, users));
        last = now;
        return p;
    }

    @Test
    void theKneeIsTheStepAfterWhichThroughputStoppedGrowing() {
        List<RunResult.Phase> phases = new ArrayList<>();
        phases.add(step(10, 100, 50));
        phases.add(step(20, 200, 60));
        phases.add(step(30, 210, 400));
        phases.add(step(40, 212, 800));
        assertThat(CapacityTable.knee(phases)).isEqualTo("Knee: throughput stopped growing at about 20 users "
                + "(20.0 req/s); at 30 users it was 21.0 req/s while the average time went from 60.0 ms to 400 ms.");
        assertThat(CapacityTable.render(phases)).endsWith(CapacityTable.knee(phases) + System.lineSeparator());
    }

    @Test
    void noKneeWhileThroughputGrows() {
        List<RunResult.Phase> phases = List.of(step(10, 100, 50), step(20, 200, 50), step(30, 300, 50));
        assertThat(CapacityTable.knee(phases)).isNull();
    }
}
