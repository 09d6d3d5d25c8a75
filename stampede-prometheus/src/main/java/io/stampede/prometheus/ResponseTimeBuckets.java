package io.stampede.prometheus;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import java.util.Arrays;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.Histogram;

/**
 * The fixed bucket bounds of {@code stampede_response_time_seconds}, and how a response-time
 * HdrHistogram (microseconds) becomes counts in them.
 *
 * <p>The counts come from the histogram's own buckets, not from re-observing samples: every sample
 * lands in exactly one bucket, so the buckets add up to the request count exactly. A histogram
 * bucket goes by its lowest equivalent value, so each cumulative {@code le} count is what
 * HdrHistogram itself answers for "at or below the bound" ({@code getCountBetweenValues(0, bound)}):
 * exact to the microsecond up to 2 ms, and within 0.1% of a bound above that (a sample that close
 * above a bound may count below it).
 */
final class ResponseTimeBuckets {
    /**
     * Upper bounds in microseconds, 1 ms to 60 s: the usual Prometheus latency steps, finer where
     * SLOs usually sit (tens to hundreds of milliseconds). {@code +Inf} follows implicitly.
     */
    private static final long[] BOUNDS_MICROS = {
        1_000, 2_500, 5_000, 7_500, 10_000, 25_000, 50_000, 75_000, 100_000, 250_000, 500_000, 750_000,
        1_000_000, 2_500_000, 5_000_000, 7_500_000, 10_000_000, 30_000_000, 60_000_000,
    };

    /** The same bounds in seconds, with {@code +Inf} last: the {@code le} labels. */
    static final double[] UPPER_BOUNDS_SECONDS = upperBoundsSeconds();

    private ResponseTimeBuckets() {
    }

    private static double[] upperBoundsSeconds() {
        double[] s = new double[BOUNDS_MICROS.length + 1];
        for (int i = 0; i < BOUNDS_MICROS.length; i++) {
            s[i] = BOUNDS_MICROS[i] / 1e6;
        }
        s[BOUNDS_MICROS.length] = Double.POSITIVE_INFINITY;
        return s;
    }

    /** How many buckets there are, {@code +Inf} included. */
    static int size() {
        return UPPER_BOUNDS_SECONDS.length;
    }

    /**
     * Adds the histogram's samples to {@code counts} (one slot per bucket, not cumulative, {@code +Inf}
     * last), which is how the client's {@link ClassicHistogramBuckets} takes them.
     */
    static void addTo(long[] counts, Histogram micros) {
        for (HistogramIterationValue v : micros.recordedValues()) {
            long bottom = micros.lowestEquivalentValue(v.getValueIteratedTo());
            counts[bucketOf(bottom)] += v.getCountAtValueIteratedTo();
        }
    }

    /** The non-cumulative counts of one histogram. */
    static long[] countsOf(Histogram micros) {
        long[] counts = new long[size()];
        addTo(counts, micros);
        return counts;
    }

    /** The first bucket whose bound is at least {@code micros}; {@code +Inf} past the last bound. */
    static int bucketOf(long micros) {
        int i = Arrays.binarySearch(BOUNDS_MICROS, micros);
        return i >= 0 ? i : -i - 1;
    }

    /** The client's model of {@code counts}, which must have {@link #size()} slots. */
    static ClassicHistogramBuckets toModel(long[] counts) {
        // copies: the model keeps the arrays it is given, and ours change with the next interval
        return ClassicHistogramBuckets.of(UPPER_BOUNDS_SECONDS.clone(), counts.clone());
    }
}
