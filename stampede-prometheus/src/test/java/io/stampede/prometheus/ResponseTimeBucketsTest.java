package io.stampede.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HdrHistogram (microseconds) to the fixed Prometheus buckets: exact counts, no sample lost or doubled. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ResponseTimeBucketsTest {
    /** Like the engine's: three significant digits, growing as needed. */
    private static Histogram histogram() {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        return h;
    }

    @Test
    void knownSamplesLandInTheirBuckets() {
        Histogram h = histogram();
        h.recordValueWithCount(1, 5);
        h.recordValueWithCount(1_000, 2);       // exactly 1 ms: le="0.001" includes it
        h.recordValue(1_001);                   // just above: the next bucket
        h.recordValue(2_500);                   // exactly 2.5 ms
        h.recordValue(2_501);                   // shares 2,500's 2-microsecond histogram bucket
        h.recordValueWithCount(40_000, 10);
        h.recordValue(60_000_000);              // 60 s, the last bound
        h.recordValue(61_000_000);              // beyond it: +Inf
        h.recordValue(3_600_000_000L);          // an hour, still +Inf

        long[] counts = ResponseTimeBuckets.countsOf(h);

        long[] expected = new long[ResponseTimeBuckets.size()];
        expected[0] = 7;
        expected[1] = 3;
        expected[ResponseTimeBuckets.bucketOf(50_000)] = 10;
        expected[ResponseTimeBuckets.bucketOf(60_000_000)] = 1;
        expected[ResponseTimeBuckets.size() - 1] = 2;
        assertThat(counts).containsExactly(expected);
        assertThat(Arrays.stream(counts).sum()).isEqualTo(h.getTotalCount()).isEqualTo(23);
    }

    @Test
    void boundsRunFromAMillisecondToAMinuteThenInfinity() {
        double[] b = ResponseTimeBuckets.UPPER_BOUNDS_SECONDS;
        assertThat(b[0]).isEqualTo(0.001);
        assertThat(b[b.length - 2]).isEqualTo(60.0);
        assertThat(b[b.length - 1]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(b).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void cumulativeCountsAreWhatHdrHistogramSaysIsAtOrBelowEachBound() {
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            Histogram h = histogram();
            for (int i = 0; i < 5_000; i++) {
                // log-uniform from 1 us to about 2 minutes: every bucket gets some
                h.recordValue((long) Math.exp(random.nextDouble() * Math.log(120e6)));
            }
            ClassicHistogramBuckets model = ResponseTimeBuckets.toModel(ResponseTimeBuckets.countsOf(h));
            long cumulative = 0;
            for (int i = 0; i < model.size(); i++) {
                cumulative += model.getCount(i);
                double bound = model.getUpperBound(i);
                long expected = Double.isInfinite(bound) ? h.getTotalCount()
                        : h.getCountBetweenValues(0, Math.round(bound * 1e6));
                assertThat(cumulative).as("le=%s", bound).isEqualTo(expected);
            }
            assertThat(cumulative).isEqualTo(h.getTotalCount());
        }
    }

    @Test
    void anEmptyHistogramHasEmptyBuckets() {
        assertThat(ResponseTimeBuckets.countsOf(histogram())).containsOnly(0L).hasSize(ResponseTimeBuckets.size());
    }
}
