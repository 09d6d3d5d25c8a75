package io.stampede.core.stats;

import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * Immutable statistics of one (method, name), or of all requests: counts, times and the full
 * response-time histogram. Values merge exactly ({@link #merge}), so a cluster's totals are the sum
 * of its workers' and the "Aggregated" row is computed over all samples, not averaged over rows.
 *
 * <p>Response times are held in microseconds with three significant digits (HdrHistogram), and
 * reported in milliseconds. Min, max and the total are exact. Two values are {@link #equals equal}
 * when every field is, histograms compared count by count.
 */
public final class EntryStats {
    static final int SIGNIFICANT_DIGITS = 3;

    private final StatsKey key;
    private final Histogram micros;
    private final long failures;
    private final long totalNanos;
    private final long minNanos;
    private final long maxNanos;
    private final long contentBytes;
    private final long lastEpochMillis;

    EntryStats(StatsKey key, Histogram micros, long failures, long totalNanos, long minNanos, long maxNanos,
               long contentBytes, long lastEpochMillis) {
        this.key = key;
        this.micros = micros;
        this.failures = failures;
        this.totalNanos = totalNanos;
        this.minNanos = minNanos;
        this.maxNanos = maxNanos;
        this.contentBytes = contentBytes;
        this.lastEpochMillis = lastEpochMillis;
    }

    /** No samples yet. */
    public static EntryStats empty(StatsKey key) {
        return new EntryStats(key, newHistogram(), 0, 0, Long.MAX_VALUE, 0, 0, 0);
    }

    static Histogram newHistogram() {
        Histogram h = new Histogram(SIGNIFICANT_DIGITS);
        h.setAutoResize(true);
        return h;
    }

    /** The sum of both, under this entry's key (or {@code key} when given). */
    public EntryStats merge(EntryStats other) {
        return mergeAs(key, other);
    }

    /** The sum of both under another key: used to build the Aggregated row. */
    public EntryStats mergeAs(StatsKey as, EntryStats other) {
        Histogram sum = micros.copy();
        sum.add(other.micros);
        return new EntryStats(as, sum, failures + other.failures, totalNanos + other.totalNanos,
                Math.min(minNanos, other.minNanos), Math.max(maxNanos, other.maxNanos),
                contentBytes + other.contentBytes, Math.max(lastEpochMillis, other.lastEpochMillis));
    }

    /** The sum of all {@code parts} under {@code as}, adding into one histogram instead of copying one per part. */
    static EntryStats sum(StatsKey as, Iterable<EntryStats> parts) {
        Histogram sum = newHistogram();
        long failures = 0;
        long totalNanos = 0;
        long minNanos = Long.MAX_VALUE;
        long maxNanos = 0;
        long contentBytes = 0;
        long lastEpochMillis = 0;
        for (EntryStats e : parts) {
            sum.add(e.micros);
            failures += e.failures;
            totalNanos += e.totalNanos;
            minNanos = Math.min(minNanos, e.minNanos);
            maxNanos = Math.max(maxNanos, e.maxNanos);
            contentBytes += e.contentBytes;
            lastEpochMillis = Math.max(lastEpochMillis, e.lastEpochMillis);
        }
        return new EntryStats(as, sum, failures, totalNanos, minNanos, maxNanos, contentBytes, lastEpochMillis);
    }

    /**
     * What was recorded after {@code earlier} (an older snapshot of the same key): exact counts and
     * totals; min and max at the histogram's resolution, since extremes cannot be subtracted.
     */
    public EntryStats minus(EntryStats earlier) {
        Histogram diff = micros.copy();
        diff.subtract(earlier.micros);
        long n = diff.getTotalCount();
        long min = n == 0 ? Long.MAX_VALUE : diff.getMinValue() * 1000;
        long max = n == 0 ? 0 : Math.min(maxNanos, diff.getMaxValue() * 1000);
        return new EntryStats(key, diff, failures - earlier.failures, totalNanos - earlier.totalNanos, min, max,
                contentBytes - earlier.contentBytes, lastEpochMillis);
    }

    public StatsKey key() {
        return key;
    }

    public String method() {
        return key.method();
    }

    public String name() {
        return key.name();
    }

    public long count() {
        return micros.getTotalCount();
    }

    public long failures() {
        return failures;
    }

    public double averageMillis() {
        long n = count();
        return n == 0 ? 0 : totalNanos / 1e6 / n;
    }

    public double minMillis() {
        return count() == 0 ? 0 : minNanos / 1e6;
    }

    public double maxMillis() {
        return maxNanos / 1e6;
    }

    /** The exact shortest sample in nanoseconds, {@link Long#MAX_VALUE} when there is none. */
    long minNanos() {
        return minNanos;
    }

    /** The exact longest sample in nanoseconds, 0 when there is none. */
    long maxNanos() {
        return maxNanos;
    }

    /** The histogram itself, not a copy: for encoders in this package, which only read it. */
    Histogram histogram() {
        return micros;
    }

    public long totalNanos() {
        return totalNanos;
    }

    public long contentBytes() {
        return contentBytes;
    }

    public double averageContentBytes() {
        long n = count();
        return n == 0 ? 0 : (double) contentBytes / n;
    }

    /** Wall time of the latest sample, 0 when there is none. */
    public long lastEpochMillis() {
        return lastEpochMillis;
    }

    public double medianMillis() {
        return percentileMillis(50);
    }

    /**
     * The response time at {@code percentile} (0-100] in ms, at the histogram's resolution (0.1%);
     * 100 gives the exact maximum.
     */
    public double percentileMillis(double percentile) {
        if (count() == 0) {
            return 0;
        }
        if (percentile >= 100) {
            return maxMillis();
        }
        double value = micros.getValueAtPercentile(percentile) / 1e3;
        return Math.min(value, maxMillis());
    }

    public double failRatio() {
        long n = count();
        return n == 0 ? 0 : (double) failures / n;
    }

    /** A copy of the response-time histogram in microseconds (for outputs that need all of it). */
    public Histogram histogramMicros() {
        return micros.copy();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryStats e && key.equals(e.key) && failures == e.failures && totalNanos == e.totalNanos
                && minNanos == e.minNanos && maxNanos == e.maxNanos && contentBytes == e.contentBytes
                && lastEpochMillis == e.lastEpochMillis && micros.equals(e.micros);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, micros, failures, totalNanos, minNanos, maxNanos, contentBytes, lastEpochMillis);
    }

    /** The fields a failed test needs to see, without the histogram's counts. */
    @Override
    public String toString() {
        return "EntryStats[" + key.method() + ' ' + key.name() + ", count=" + count() + ", failures=" + failures
                + ", totalNanos=" + totalNanos + ", minNanos=" + minNanos + ", maxNanos=" + maxNanos
                + ", contentBytes=" + contentBytes + ", lastEpochMillis=" + lastEpochMillis
                + ", p50/p99 micros=" + micros.getValueAtPercentile(50) + '/' + micros.getValueAtPercentile(99) + ']';
    }
}
