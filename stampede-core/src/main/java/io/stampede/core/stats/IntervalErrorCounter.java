package io.stampede.core.stats;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often one error occurred in one key's interval, and when first and last. Lives inside an
 * {@link IntervalAccumulator}, so it is flipped with the samples it belongs to.
 */
final class IntervalErrorCounter {
    final LongAdder occurrences = new LongAdder();
    final LongAccumulator firstEpochMillis = new LongAccumulator(Math::min, Long.MAX_VALUE);
    final LongAccumulator lastEpochMillis = new LongAccumulator(Math::max, Long.MIN_VALUE);

    void add(long epochMillis) {
        occurrences.increment();
        firstEpochMillis.accumulate(epochMillis);
        lastEpochMillis.accumulate(epochMillis);
    }

    ErrorStats toStats(StatsKey key, String error) {
        return new ErrorStats(key.method(), key.name(), error, occurrences.sum(), firstEpochMillis.get(),
                lastEpochMillis.get());
    }
}
