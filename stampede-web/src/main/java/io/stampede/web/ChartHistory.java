package io.stampede.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The charts' points of the whole run, kept on the server so that a page opened late or reloaded
 * draws the run from its start. Memory is bounded however long the run: when the history is full,
 * its older half is merged pairwise into half as many points. The newest half keeps its full
 * resolution and older points get coarser the older they are, so a ten-hour run at one point a
 * second still fits in {@link #DEFAULT_CAPACITY} points. Not thread-safe: {@link WebOutput} guards it.
 */
final class ChartHistory {
    /** At about 80 bytes a point, 2,000 points are some 160 kB (measured in docs/web-ui.md). */
    static final int DEFAULT_CAPACITY = 2_000;

    private final int capacity;
    private final List<ChartPoint> points;

    ChartHistory(int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("a history needs room for at least 4 points");
        }
        this.capacity = capacity;
        this.points = new ArrayList<>(capacity);
    }

    void add(ChartPoint p) {
        if (points.size() >= capacity) {
            compact();
        }
        points.add(p);
    }

    /** Replaces the newest point (an arrival run learns its intended rate just after the interval). */
    void replaceLast(ChartPoint p) {
        if (!points.isEmpty()) {
            points.set(points.size() - 1, p);
        }
    }

    ChartPoint last() {
        return points.isEmpty() ? null : points.get(points.size() - 1);
    }

    void clear() {
        points.clear();
    }

    int size() {
        return points.size();
    }

    List<ChartPoint> points() {
        return List.copyOf(points);
    }

    private void compact() {
        int older = points.size() / 2 & ~1;
        List<ChartPoint> kept = new ArrayList<>(capacity);
        for (int i = 0; i < older; i += 2) {
            kept.add(points.get(i).merge(points.get(i + 1)));
        }
        kept.addAll(points.subList(older, points.size()));
        points.clear();
        points.addAll(kept);
    }
}
