package io.stampede.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.stats.StatsEvents.Event;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Merging is exact: associative and commutative for entries, intervals and snapshots. */
class StatsMergePropertyTest {
    @Provide
    Arbitrary<List<Event>> events() {
        return StatsEvents.eventLists();
    }

    @Provide
    Arbitrary<List<Long>> latencies() {
        return StatsEvents.latencies().list().ofMaxSize(40);
    }

    private static EntryStats entryOf(List<Long> nanos, long atMillis) {
        IntervalAccumulator a = new IntervalAccumulator();
        for (int i = 0; i < nanos.size(); i++) {
            a.record(nanos.get(i), i, i % 4 == 0 ? "HTTP 500" : null, atMillis + i);
        }
        return a.toStats(new StatsKey("GET", "/m"));
    }

    @Property(tries = 300)
    void entryMergeIsAssociativeAndCommutative(@ForAll("latencies") List<Long> a, @ForAll("latencies") List<Long> b,
                                               @ForAll("latencies") List<Long> c) {
        EntryStats x = entryOf(a, 10);
        EntryStats y = entryOf(b, 20);
        EntryStats z = entryOf(c, 5);
        assertThat(x.merge(y).merge(z)).isEqualTo(x.merge(y.merge(z)));
        assertThat(x.merge(y)).isEqualTo(y.merge(x));
        assertThat(x.merge(EntryStats.empty(x.key()))).isEqualTo(x);
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        assertThat(x.merge(y).count()).isEqualTo(entryOf(all, 0).count());
        assertThat(x.merge(y).histogramMicros()).isEqualTo(entryOf(all, 0).histogramMicros());
    }

    @Property(tries = 200)
    void intervalMergeIsAssociativeAndCommutative(@ForAll("events") List<Event> a, @ForAll("events") List<Event> b,
                                                  @ForAll("events") List<Event> c) {
        StatsInterval x = StatsEvents.intervalOf(a, "w1", 3);
        StatsInterval y = StatsEvents.intervalOf(b, "w2", 3);
        StatsInterval z = StatsEvents.intervalOf(c, "w3", 4);
        assertThat(x.merge(y).merge(z)).isEqualTo(x.merge(y.merge(z)));
        assertThat(x.merge(y)).isEqualTo(y.merge(x));
        assertThat(x.merge(y).merge(z).node()).isEqualTo("w1+w2+w3");
        assertThat(x.merge(y).merge(z).sequence()).isEqualTo(4);
    }

    @Property(tries = 200)
    void workersMergedEqualOneProcess(@ForAll("events") List<Event> events, @ForAll @IntRange(min = 1, max = 4) int workers) {
        List<List<Event>> parts = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < events.size(); i++) {
            parts.get(i * 31 % workers).add(events.get(i));
        }
        StatsInterval merged = StatsEvents.intervalOf(parts.get(0), "one", 1);
        for (int w = 1; w < workers; w++) {
            merged = merged.merge(StatsEvents.intervalOf(parts.get(w), "one", 1));
        }
        StatsInterval one = StatsEvents.intervalOf(events, "one", 1);
        assertThat(merged.entries()).isEqualTo(one.entries());
        assertThat(merged.total()).isEqualTo(one.total());
        assertThat(merged.errors()).isEqualTo(one.errors());
        assertThat(merged.exceptions()).isEqualTo(one.exceptions());
        assertThat(merged.checks()).isEqualTo(one.checks());
    }

    /** A worker's snapshot after {@code ticks} one-second intervals that began at {@code startMillis}. */
    private static StatsSnapshot snapshotOf(List<Event> events, long startMillis, int ticks, int users) {
        FakeClock clock = new FakeClock();
        clock.epochMillis = startMillis;
        StatsRegistry registry = new StatsRegistry(clock, "w" + startMillis);
        StatsCollector collector = new StatsCollector(registry, clock);
        StatsEvents.record(events, registry, clock);
        StatsSnapshot s = null;
        for (int t = 1; t <= ticks; t++) {
            clock.epochMillis = startMillis + 1_000L * t;
            s = collector.tick(users);
        }
        return s;
    }

    @Property(tries = 150)
    void snapshotMergeIsAssociativeAndCommutative(@ForAll("events") List<Event> a, @ForAll("events") List<Event> b,
                                                  @ForAll("events") List<Event> c,
                                                  @ForAll @IntRange(min = 0, max = 30_000) int offsetB,
                                                  @ForAll @IntRange(min = 1, max = 14) int ticksA,
                                                  @ForAll @IntRange(min = 1, max = 3) int ticksC) {
        StatsSnapshot x = snapshotOf(a, 1_000_000, ticksA, 1);
        StatsSnapshot y = snapshotOf(b, 1_000_000 + offsetB, 2, 2);
        StatsSnapshot z = snapshotOf(c, 1_000_000, ticksC, 3);
        assertThat(x.merge(y).merge(z)).isEqualTo(x.merge(y.merge(z)));
        assertThat(x.merge(y)).isEqualTo(y.merge(x));
        assertThat(x.merge(y).merge(z).users()).isEqualTo(6);
    }
}
