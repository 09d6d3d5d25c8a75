package io.stampede.core.stats;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Samples of one key recorded since the last interval flip. Written by many user threads at once
 * (no locks, no allocation), read by the collector only after it has been flipped out.
 */
final class IntervalAccumulator {
    final ConcurrentHistogram micros;
    final LongAdder failures = new LongAdder();
    final LongAdder totalNanos = new LongAdder();
    final LongAdder contentBytes = new LongAdder();
    final LongAccumulator minNanos = new LongAccumulator(Math::min, Long.MAX_VALUE);
    final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);
    final LongAccumulator lastEpochMillis = new LongAccumulator(Math::max, 0);

    IntervalAccumulator() {
        micros = new ConcurrentHistogram(EntryStats.SIGNIFICANT_DIGITS);
        micros.setAutoResize(true);
    }

    void record(long elapsedNanos, long contentLength, boolean failed, long epochMillis) {
        // The histogram's lowest unit is one microsecond; a sub-microsecond answer is still a sample.
        micros.recordValue(Math.max(1, elapsedNanos / 1000));
        totalNanos.add(elapsedNanos);
        contentBytes.add(contentLength);
        minNanos.accumulate(elapsedNanos);
        maxNanos.accumulate(elapsedNanos);
        lastEpochMillis.accumulate(epochMillis);
        if (failed) {
            failures.increment();
        }
    }

    EntryStats toStats(StatsKey key) {
        org.HdrHistogram.Histogram copy = EntryStats.newHistogram();
        copy.add(micros);
        return new EntryStats(key, copy, failures.sum(), totalNanos.sum(), minNanos.get(), maxNanos.get(),
                contentBytes.sum(), lastEpochMillis.get());
    }

    void reset() {
        micros.reset();
        failures.reset();
        totalNanos.reset();
        contentBytes.reset();
        minNanos.reset();
        maxNanos.reset();
        lastEpochMillis.reset();
    }
}
