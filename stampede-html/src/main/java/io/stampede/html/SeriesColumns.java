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
 * number into each point, read in one pass so that only one point's histogram is held at a time.
 */
final class SeriesColumns {
    /** About two points per pixel of a wide screen; a run of up to 50 minutes at 1 s keeps every interval. */
    static final int MAX_POINTS = 3000;

    private SeriesColumns() {
    }

    static ObjectNode of(List<StatsInterval> series) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        int n = series.size();
        int width = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        o.put("width", width);
        ArrayNode t = o.putArray("t");
        ArrayNode dur = o.putArray("dur");
        ArrayNode users = o.putArray("users");
        ArrayNode requests = o.putArray("requests");
        ArrayNode failures = o.putArray("failures");
        ArrayNode p50 = o.putArray("p50");
        ArrayNode p95 = o.putArray("p95");
        ArrayNode p99 = o.putArray("p99");
        long t0 = 0;
        long start = 0;
        EntryStats group = null;
        int inGroup = 0;
        int i = 0;
        for (StatsInterval interval : series) {
            if (i++ == 0) {
                t0 = interval.startEpochMillis();
            }
            if (inGroup == 0) {
                start = interval.startEpochMillis();
            }
            group = group == null ? interval.total() : group.merge(interval.total());
            if (++inGroup < width && i < n) {
                continue;
            }
            t.add((interval.endEpochMillis() - t0) / 1000.0);
            dur.add(Math.max(1, interval.endEpochMillis() - start) / 1000.0);
            users.add(interval.users());
            requests.add(group.count());
            failures.add(group.failures());
            percentile(p50, group, 50);
            percentile(p95, group, 95);
            percentile(p99, group, 99);
            group = null;
            inGroup = 0;
        }
        o.put("t0", t0);
        return o;
    }

    private static void percentile(ArrayNode into, EntryStats e, double percentile) {
        if (e.count() == 0) {
            into.addNull();
        } else {
            into.add(Numbers.chart(e.percentileMillis(percentile)));
        }
    }
}
