package io.stampede.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.stats.StatsEvents.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Folding intervals loses nothing: it equals the same samples recorded and flipped once. */
class StatsFoldPropertyTest {
    @Provide
    Arbitrary<List<Event>> events() {
        return StatsEvents.eventLists();
    }

    @Property(tries = 300)
    void foldOfIntervalsEqualsOneFlip(@ForAll("events") List<Event> events,
                                      @ForAll @Size(max = 20) List<@IntRange(min = 0, max = 60) Integer> cuts) {
        FakeClock clock = new FakeClock();
        clock.epochMillis = StatsEvents.BASE_EPOCH_MILLIS;
        StatsRegistry registry = new StatsRegistry(clock, "n");
        StatsCollector collector = new StatsCollector(registry, clock);
        StatsFold fold = new StatsFold(StatsEvents.BASE_EPOCH_MILLIS);
        List<StatsInterval> intervals = new ArrayList<>();
        TreeSet<Integer> flipsBefore = new TreeSet<>(cuts);
        for (int i = 0; i <= events.size(); i++) {
            if (flipsBefore.contains(i)) {
                intervals.add(collector.next(i));
            }
            if (i < events.size()) {
                StatsEvents.record(events.subList(i, i + 1), registry, clock);
            }
        }
        intervals.add(collector.next(events.size()));
        StatsSnapshot folded = null;
        for (StatsInterval interval : intervals) {
            folded = fold.add(interval);
        }

        StatsInterval once = StatsEvents.intervalOf(events, "n", 1);
        StatsSnapshot flippedOnce = new StatsFold(StatsEvents.BASE_EPOCH_MILLIS).add(once);
        assertThat(folded.entries()).isEqualTo(flippedOnce.entries());
        assertThat(folded.total()).isEqualTo(flippedOnce.total());
        assertThat(folded.errors()).isEqualTo(flippedOnce.errors());
        assertThat(folded.exceptions()).isEqualTo(flippedOnce.exceptions());
        assertThat(folded.checks()).isEqualTo(flippedOnce.checks());
        assertThat(folded.users()).isEqualTo(events.size());
        assertThat(folded.startEpochMillis()).isEqualTo(StatsEvents.BASE_EPOCH_MILLIS);
        if (intervals.size() <= StatsFold.WINDOW_INTERVALS) {
            assertThat(folded.current()).isEqualTo(flippedOnce.entries());
        }
        // The collector's own fold saw the same intervals.
        assertThat(collector.snapshot()).isEqualTo(folded);
        assertThat(fold.snapshot()).isSameAs(folded);
    }

    @Property(tries = 100)
    void resetForgetsEverythingBefore(@ForAll("events") List<Event> before, @ForAll("events") List<Event> after) {
        StatsFold fold = new StatsFold(StatsEvents.BASE_EPOCH_MILLIS);
        fold.add(StatsEvents.intervalOf(before, "n", 1));
        fold.reset(StatsEvents.BASE_EPOCH_MILLIS + 5);
        assertThat(fold.snapshot()).isEqualTo(StatsSnapshot.empty(StatsEvents.BASE_EPOCH_MILLIS + 5));
        StatsSnapshot s = fold.add(StatsEvents.intervalOf(after, "n", 2));
        StatsSnapshot fresh = new StatsFold(StatsEvents.BASE_EPOCH_MILLIS + 5).add(StatsEvents.intervalOf(after, "n", 2));
        assertThat(s).isEqualTo(fresh);
    }
}
