package io.stampede.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StatsIntervalCodecTest {
    private final FakeClock clock = new FakeClock();

    private StatsInterval sample() {
        StatsRegistry registry = new StatsRegistry(clock, "wörker-1");
        StatsCollector collector = new StatsCollector(registry, clock);
        registry.record("GET", "/a", 1, 0, null); // sub-microsecond
        registry.record("GET", "/a", 3_600_000_000_000L * 24 * 30, 10, "HTTP 504"); // a month
        registry.record("POST", "/ünï/çødé\nnew line", 5_000_000L, 1 << 20, "connection reset\tby peer");
        registry.recordException(new IllegalStateException("bøom\nsecond line"));
        registry.recordCheck("status is 200 ✓", true);
        registry.recordCheck("status is 200 ✓", false);
        clock.advanceMillis(1000);
        return collector.next(7);
    }

    @Test
    void roundTripsExactly() {
        StatsInterval interval = sample();
        assertThat(interval.entries()).hasSize(2);
        assertThat(StatsIntervalCodec.decode(StatsIntervalCodec.encode(interval))).isEqualTo(interval);
    }

    @Test
    void roundTripsAnEmptyInterval() {
        StatsInterval empty = StatsInterval.empty(3, "", 10, 20, 0);
        byte[] bytes = StatsIntervalCodec.encode(empty);
        assertThat(StatsIntervalCodec.decode(bytes)).isEqualTo(empty);
        assertThat(bytes).hasSizeLessThan(16);
    }

    @Test
    void aDecodedEntryStillMergesAndGrows() {
        StatsInterval decoded = StatsIntervalCodec.decode(StatsIntervalCodec.encode(sample()));
        EntryStats a = decoded.entries().get(0);
        EntryStats grown = a.merge(EntryStatsTest.of(Long.MAX_VALUE / 4));
        assertThat(grown.count()).isEqualTo(a.count() + 1);
    }

    @Test
    void refusesAnotherVersionNamingBoth() {
        byte[] bytes = StatsIntervalCodec.encode(sample());
        bytes[4] = 2;
        assertThatThrownBy(() -> StatsIntervalCodec.decode(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 2 found").hasMessageContaining("version 1 expected");
    }

    @Test
    void refusesWhatIsNotAnInterval() {
        assertThatThrownBy(() -> StatsIntervalCodec.decode("{\"json\":1}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a statistics interval");
    }

    @Test
    void refusesEveryTruncation() {
        byte[] bytes = StatsIntervalCodec.encode(sample());
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> StatsIntervalCodec.decode(cut)).as("cut at %d", length)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageMatching("(?s).*(truncated|malformed).*");
        }
    }

    @Test
    void refusesTrailingBytes() {
        byte[] encoded = StatsIntervalCodec.encode(sample());
        byte[] bytes = Arrays.copyOf(encoded, encoded.length + 1);
        assertThatThrownBy(() -> StatsIntervalCodec.decode(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after its end");
    }
}
