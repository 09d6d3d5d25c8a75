package io.stampede.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Samples of one key recorded since the last interval flip. Written by many user threads at once
 * (no locks; no allocation for a success), read by the collector only after it has been flipped out.
 * The key's errors are counted here too, so an interval's failures and its error rows always agree.
 */
final class IntervalAccumulator {
    final ConcurrentHistogram micros;
    final LongAdder failures = new LongAdder();
    final LongAdder totalNanos = new LongAdder();
    final LongAdder contentBytes = new LongAdder();
    final LongAccumulator minNanos = new LongAccumulator(Math::min, Long.MAX_VALUE);
    final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);
    final LongAccumulator lastEpochMillis = new LongAccumulator(Math::max, 0);
    private final Map<String, IntervalErrorCounter> errors = new ConcurrentHashMap<>();

    IntervalAccumulator() {
        micros = new ConcurrentHistogram(EntryStats.SIGNIFICANT_DIGITS);
        micros.setAutoResize(true);
    }

    /** @param error null for a success */
    void record(long elapsedNanos, long contentLength, String error, long epochMillis) {
        // The histogram's lowest unit is one microsecond; a sub-microsecond answer is still a sample.
        micros.recordValue(Math.max(1, elapsedNanos / 1000));
        totalNanos.add(elapsedNanos);
        contentBytes.add(contentLength);
        minNanos.accumulate(elapsedNanos);
        maxNanos.accumulate(elapsedNanos);
        lastEpochMillis.accumulate(epochMillis);
        if (error != null) {
            failures.increment();
            errors.computeIfAbsent(error, e -> new IntervalErrorCounter()).add(epochMillis);
        }
    }

    EntryStats toStats(StatsKey key) {
        org.HdrHistogram.Histogram copy = EntryStats.newHistogram();
        copy.add(micros);
        return new EntryStats(key, copy, failures.sum(), totalNanos.sum(), minNanos.get(), maxNanos.get(),
                contentBytes.sum(), lastEpochMillis.get());
    }

    List<ErrorStats> errorsOf(StatsKey key) {
        List<ErrorStats> rows = new ArrayList<>(errors.size());
        errors.forEach((error, counter) -> rows.add(counter.toStats(key, error)));
        return rows;
    }

    void reset() {
        micros.reset();
        failures.reset();
        totalNanos.reset();
        contentBytes.reset();
        minNanos.reset();
        maxNanos.reset();
        lastEpochMillis.reset();
        errors.clear();
    }
}
