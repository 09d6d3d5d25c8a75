package io.stampede.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsInterval;
import java.util.List;

/**
 * The over-time charts' data, in columns as uPlot draws them: per point its end (seconds after the
 * first interval's start), length, users at its end, requests, failures and p50/p95/p99 of its own
 * histogram (null when it had no requests, so the line has a gap rather than a false zero).
 *
 * <p>At most {@link #MAX_POINTS} points: beyond that, neighbouring intervals are merged, the same
 * number into each point, read in one pass so that only two points' histograms are held at a time.
 * A point less than half as long as the one before (an interval cut short by a step, a reset or the
 * run's end) joins that one: a rate over a few milliseconds would draw a spike that never happened.
 */
final class SeriesColumns {
    /** About two points per pixel of a wide screen; a run of up to 50 minutes at 1 s keeps every interval. */
    static final int MAX_POINTS = 3000;

    private SeriesColumns() {
    }

    /** Intervals merged into one point: from start to end, with the users at its end. */
    private record Point(long start, long end, int users, EntryStats total) {
        long millis() {
            return end - start;
        }

        Point then(Point later) {
            return new Point(start, later.end, later.users, total.merge(later.total));
        }
    }

    static ObjectNode of(List<StatsInterval> series) {
        int n = series.size();
        int width = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        Columns c = new Columns(width);
        Point group = null;
        Point held = null;
        int inGroup = 0;
        int read = 0;
        for (StatsInterval interval : series) {
            if (read++ == 0) {
                c.t0 = interval.startEpochMillis();
            }
            Point p = new Point(interval.startEpochMillis(), interval.endEpochMillis(), interval.users(), interval.total());
            group = group == null ? p : group.then(p);
            if (++inGroup < width && read < n) {
                continue;
            }
            if (held != null && group.millis() * 2 < held.millis()) {
                held = held.then(group);
            } else {
                if (held != null) {
                    c.add(held);
                }
                held = group;
            }
            group = null;
            inGroup = 0;
        }
        if (held != null) {
            c.add(held);
        }
        return c.json;
    }

    /** The JSON columns being written. */
    private static final class Columns {
        final ObjectNode json = JsonNodeFactory.instance.objectNode();
        final ArrayNode t;
        final ArrayNode dur;
        final ArrayNode users;
        final ArrayNode requests;
        final ArrayNode failures;
        final ArrayNode p50;
        final ArrayNode p95;
        final ArrayNode p99;
        long t0;

        Columns(int width) {
            json.put("width", width); // intervals of the given series per point
            json.put("t0", 0L); // epoch ms of the first interval's start, set with the first point
            t = json.putArray("t");
            dur = json.putArray("dur");
            users = json.putArray("users");
            requests = json.putArray("requests");
            failures = json.putArray("failures");
            p50 = json.putArray("p50");
            p95 = json.putArray("p95");
            p99 = json.putArray("p99");
        }

        void add(Point p) {
            json.put("t0", t0);
            t.add((p.end - t0) / 1000.0);
            dur.add(Math.max(1, p.millis()) / 1000.0);
            users.add(p.users);
            requests.add(p.total.count());
            failures.add(p.total.failures());
            percentile(p50, p.total, 50);
            percentile(p95, p.total, 95);
            percentile(p99, p.total, 99);
        }

        private static void percentile(ArrayNode into, EntryStats e, double percentile) {
            if (e.count() == 0) {
                into.addNull();
            } else {
                into.add(Numbers.chart(e.percentileMillis(percentile)));
            }
        }
    }
}
