package io.stampede.prometheus;

import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.stampede.core.stats.EntryStats;

/**
 * What one (method, name) series has counted over the life of the process: requests, their total
 * time and their response-time buckets. It only ever adds, so its counters never go down.
 */
final class RequestSeries {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private long requests;
    /**
     * The exact total time as whole seconds plus nanoseconds: a long of nanoseconds would overflow
     * after some 290 years of summed response time, which a day of heavy load can reach.
     */
    private long totalSeconds;
    private long totalNanos;
    private final long[] buckets = new long[ResponseTimeBuckets.size()];

    void add(EntryStats interval) {
        requests += interval.count();
        totalSeconds += interval.totalNanos() / NANOS_PER_SECOND;
        totalNanos += interval.totalNanos() % NANOS_PER_SECOND;
        totalSeconds += totalNanos / NANOS_PER_SECOND;
        totalNanos %= NANOS_PER_SECOND;
        ResponseTimeBuckets.addTo(buckets, interval.histogramMicros());
    }

    long requests() {
        return requests;
    }

    double totalSeconds() {
        return totalSeconds + totalNanos / 1e9;
    }

    HistogramDataPointSnapshot histogram(Labels labels) {
        return HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ResponseTimeBuckets.toModel(buckets))
                .sum(totalSeconds())
                .labels(labels)
                .build();
    }
}
