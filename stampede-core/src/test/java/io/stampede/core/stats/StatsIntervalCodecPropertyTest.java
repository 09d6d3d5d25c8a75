package io.stampede.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stampede.core.stats.StatsEvents.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Encoding then decoding gives the same value back, and anything else is refused clearly. */
class StatsIntervalCodecPropertyTest {
    /** Any Unicode text (no lone surrogates, which UTF-8 cannot carry), new lines and NULs included. */
    static Arbitrary<String> unicode() {
        return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .edgeCases(c -> c.includeOnly(0, (int) '\n', 0x1F9AC))
                .list().ofMaxSize(12)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString());
    }

    /** Intervals as recorded, then with every header field and one entry's counters set to any value. */
    @Provide
    Arbitrary<StatsInterval> intervals() {
        Arbitrary<StatsInterval> recorded = StatsEvents.eventLists().map(e -> StatsEvents.intervalOf(e, "n", 1));
        Arbitrary<List<Long>> anyLongs = Arbitraries.longs().list().ofSize(6);
        return Combinators.combine(recorded, Arbitraries.longs(), unicode(), Arbitraries.longs(), Arbitraries.longs(),
                Arbitraries.integers(), anyLongs, unicode()).as(StatsIntervalCodecPropertyTest::withAnyFields);
    }

    private static StatsInterval withAnyFields(StatsInterval i, long sequence, String node, long start, long end,
                                               int users, List<Long> v, String name) {
        List<EntryStats> entries = new ArrayList<>(i.entries());
        if (!entries.isEmpty()) {
            EntryStats e = entries.remove(0);
            entries.add(new EntryStats(new StatsKey(name, name), e.histogramMicros(), v.get(0), v.get(1), v.get(2),
                    v.get(3), v.get(4), v.get(5)));
        }
        return new StatsInterval(sequence, node, start, end, users, entries, i.errors(), i.exceptions(), i.checks());
    }

    @Property(tries = 300)
    void roundTripsExactly(@ForAll("intervals") StatsInterval interval) {
        byte[] bytes = StatsIntervalCodec.encode(interval);
        assertThat(StatsIntervalCodec.decode(bytes)).isEqualTo(interval);
        assertThat(StatsIntervalCodec.encode(StatsIntervalCodec.decode(bytes))).isEqualTo(bytes);
    }

    @Property(tries = 200)
    void refusesAnyTruncation(@ForAll("intervals") StatsInterval interval, @ForAll @IntRange(min = 0, max = 1 << 20) int cut) {
        byte[] bytes = StatsIntervalCodec.encode(interval);
        byte[] truncated = Arrays.copyOf(bytes, cut % bytes.length);
        assertThatThrownBy(() -> StatsIntervalCodec.decode(truncated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(?s).*(truncated|malformed).*");
    }

    @Property(tries = 100)
    void refusesAnyOtherVersion(@ForAll("intervals") StatsInterval interval, @ForAll @IntRange(min = 0, max = 255) int version) {
        if (version == StatsInterval.FORMAT_VERSION) {
            return;
        }
        byte[] bytes = StatsIntervalCodec.encode(interval);
        bytes[4] = (byte) version;
        assertThatThrownBy(() -> StatsIntervalCodec.decode(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version " + version + " found")
                .hasMessageContaining("version " + StatsInterval.FORMAT_VERSION + " expected");
    }

    @Property(tries = 50)
    void mergedIntervalsRoundTripToo(@ForAll("events") List<Event> a, @ForAll("events") List<Event> b) {
        StatsInterval merged = StatsEvents.intervalOf(a, "w1", 7).merge(StatsEvents.intervalOf(b, "w2", 7));
        assertThat(StatsIntervalCodec.decode(StatsIntervalCodec.encode(merged))).isEqualTo(merged);
    }

    @Provide
    Arbitrary<List<Event>> events() {
        return StatsEvents.eventLists();
    }
}
