package io.stampede.html;

import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsIntervalCodec;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's intervals for its report, kept small for runs of any length. Each is reduced to what the
 * report charts (its Aggregated entry, its times and users: the failures, exceptions and checks are
 * in the final result) and held encoded, about a kilobyte, since a decoded histogram holds 16-120 kB
 * of counts. Past {@link SeriesColumns#MAX_POINTS} points, neighbours merge pairwise and every later
 * point takes twice as many intervals, so points stay evenly spaced and never exceed the limit.
 * One thread adds (the run driver's).
 */
final class IntervalBuffer {
    private final int maxPoints;
    private final List<byte[]> points = new ArrayList<>();
    /** How many intervals each point holds. */
    private int width = 1;
    /** The point being filled, and how many intervals it holds so far. */
    private StatsInterval pending;
    private int inPending;

    IntervalBuffer(int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2");
        }
        this.maxPoints = maxPoints;
    }

    void add(StatsInterval interval) {
        StatsInterval reduced = reduced(interval);
        pending = pending == null ? reduced : followedBy(pending, reduced);
        if (++inPending < width) {
            return;
        }
        points.add(StatsIntervalCodec.encode(pending));
        pending = null;
        inPending = 0;
        if (points.size() >= maxPoints) {
            halve();
        }
    }

    private void halve() {
        List<byte[]> merged = new ArrayList<>(points.size() / 2 + 1);
        for (int i = 0; i + 1 < points.size(); i += 2) {
            merged.add(StatsIntervalCodec.encode(followedBy(decode(i), decode(i + 1))));
        }
        if (points.size() % 2 == 1) {
            pending = decode(points.size() - 1);
            inPending = width;
        }
        points.clear();
        points.addAll(merged);
        width *= 2;
    }

    private StatsInterval decode(int i) {
        return StatsIntervalCodec.decode(points.get(i));
    }

    /** Only what the report draws: the interval's total under Aggregated, no error rows. */
    static StatsInterval reduced(StatsInterval i) {
        List<EntryStats> entries = i.entries().isEmpty() ? List.of() : List.of(i.total());
        return new StatsInterval(i.sequence(), i.node(), i.startEpochMillis(), i.endEpochMillis(), i.users(), entries,
                List.of(), List.of(), List.of());
    }

    /**
     * Two neighbours in time as one interval: {@link StatsInterval#merge} sums users, right for two
     * nodes at once but not for one node twice, so the users are those at the later one's end.
     */
    static StatsInterval followedBy(StatsInterval earlier, StatsInterval later) {
        StatsInterval m = earlier.merge(later);
        return new StatsInterval(m.sequence(), m.node(), m.startEpochMillis(), m.endEpochMillis(), later.users(),
                m.entries(), m.errors(), m.exceptions(), m.checks());
    }

    /** Points kept (not counting one still being filled). */
    int size() {
        return points.size() + (pending == null ? 0 : 1);
    }

    int width() {
        return width;
    }

    /**
     * The points in order, the one being filled last, each decoded when read: rendering walks them
     * once, holding one histogram at a time. The points as of this call: later adds do not show.
     */
    List<StatsInterval> series() {
        StatsInterval last = pending;
        List<byte[]> kept = List.copyOf(points);
        return new AbstractList<>() {
            @Override
            public StatsInterval get(int index) {
                return index == kept.size() && last != null ? last : StatsIntervalCodec.decode(kept.get(index));
            }

            @Override
            public int size() {
                return kept.size() + (last == null ? 0 : 1);
            }
        };
    }
}
