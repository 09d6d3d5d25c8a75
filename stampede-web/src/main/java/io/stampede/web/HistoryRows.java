package io.stampede.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of the stats history download, as Locust's {@code _stats_history.csv} has them (the
 * Aggregated line of each interval). Bounded like the {@link ChartHistory}: when full, every second
 * line of the older half is dropped. Each kept line stays exact as of its own timestamp (the lines
 * are cumulative, so thinning loses resolution, never correctness). Not thread-safe: {@link WebOutput}
 * guards it.
 */
final class HistoryRows {
    static final int DEFAULT_CAPACITY = 2_000;

    private final int capacity;
    private final List<String> lines;

    HistoryRows(int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("a history needs room for at least 4 lines");
        }
        this.capacity = capacity;
        this.lines = new ArrayList<>(capacity);
    }

    void add(String line) {
        if (lines.size() >= capacity) {
            thin();
        }
        lines.add(line);
    }

    void clear() {
        lines.clear();
    }

    int size() {
        return lines.size();
    }

    /** The lines, oldest first, joined. */
    String text() {
        StringBuilder b = new StringBuilder();
        lines.forEach(b::append);
        return b.toString();
    }

    private void thin() {
        int older = lines.size() / 2 & ~1;
        List<String> kept = new ArrayList<>(capacity);
        for (int i = 1; i < older; i += 2) {
            kept.add(lines.get(i));
        }
        kept.addAll(lines.subList(older, lines.size()));
        lines.clear();
        lines.addAll(kept);
    }
}
