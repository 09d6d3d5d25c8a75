package io.stampede.store;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The Mann-Whitney U test (Wilcoxon rank-sum) on two response-time histograms: does B tend to take
 * longer than A? It needs no assumption about the shape of the distributions (latencies are rarely
 * normal), and the histograms are enough: samples in one bucket are ties and share their mid-rank,
 * so the test costs one pass over the buckets, whatever the number of requests.
 *
 * <p>Small samples ({@value #EXACT_UP_TO} values together or fewer) get the exact p-value: the rank
 * sum's distribution over every way of choosing B's samples among all of them, ties included. Larger
 * ones get the normal approximation with the tie correction of the variance and a continuity correction.
 */
final class MannWhitney {
    /** Up to this many samples together the exact distribution is cheap (about seven million steps at most). */
    static final int EXACT_UP_TO = 60;

    private MannWhitney() {
    }

    /** The one-sided p-value of "B's values are larger than A's"; 1 when either is empty. */
    static double pLarger(Histogram a, Histogram b) {
        long na = a.getTotalCount();
        long nb = b.getTotalCount();
        if (na == 0 || nb == 0) {
            return 1;
        }
        // Per bucket (by its highest equivalent value, the same in both: same precision): A's and B's counts.
        TreeMap<Long, long[]> buckets = new TreeMap<>();
        addCounts(buckets, a, 0);
        addCounts(buckets, b, 1);
        return na + nb <= EXACT_UP_TO ? exact(buckets, (int) na, (int) nb) : approximate(buckets, na, nb);
    }

    private static void addCounts(TreeMap<Long, long[]> buckets, Histogram h, int side) {
        for (HistogramIterationValue v : h.recordedValues()) {
            buckets.computeIfAbsent(v.getValueIteratedTo(), k -> new long[2])[side] += v.getCountAtValueIteratedTo();
        }
    }

    private static double approximate(TreeMap<Long, long[]> buckets, long na, long nb) {
        double n = (double) na + nb;
        double rankSumB = 0;
        double tieTerm = 0;
        double below = 0;
        for (long[] counts : buckets.values()) {
            double t = counts[0] + counts[1];
            double midRank = below + (t + 1) / 2;
            rankSumB += counts[1] * midRank;
            tieTerm += t * t * t - t;
            below += t;
        }
        double u = rankSumB - nb * (nb + 1.0) / 2;
        double mean = na * (double) nb / 2;
        double variance = na * (double) nb / 12 * ((n + 1) - tieTerm / (n * (n - 1)));
        if (variance <= 0) {
            return 1; // every sample in one bucket: nothing tells the runs apart
        }
        double z = (u - mean - 0.5) / Math.sqrt(variance);
        return StandardNormal.upperTail(z);
    }

    /**
     * Exact: with mid-ranks doubled into integers, count the ways each rank sum of B arises when B's
     * samples are any {@code nb} of all, tie group by tie group (choosing k of a group's t samples
     * in C(t, k) ways), and sum those at least as large as the one observed.
     */
    private static double exact(TreeMap<Long, long[]> buckets, int na, int nb) {
        int n = na + nb;
        int maxSum = 2 * n * nb;
        double[][] ways = new double[nb + 1][maxSum + 1];
        ways[0][0] = 1;
        int below = 0;
        int observed = 0;
        for (Map.Entry<Long, long[]> e : buckets.entrySet()) {
            int t = (int) (e.getValue()[0] + e.getValue()[1]);
            int doubledMidRank = 2 * below + t + 1;
            observed += (int) e.getValue()[1] * doubledMidRank;
            // In place, B's count downwards: each cell only reads cells with fewer chosen, not yet updated.
            for (int chosen = nb; chosen >= 0; chosen--) {
                for (int sum = maxSum; sum >= 0; sum--) {
                    double w = ways[chosen][sum];
                    double combinations = 1;
                    for (int k = 1; k <= Math.min(t, chosen) && sum - k * doubledMidRank >= 0; k++) {
                        combinations = combinations * (t - k + 1) / k;
                        w += ways[chosen - k][sum - k * doubledMidRank] * combinations;
                    }
                    ways[chosen][sum] = w;
                }
            }
            below += t;
        }
        double atLeast = 0;
        double all = 0;
        for (int sum = 0; sum <= maxSum; sum++) {
            all += ways[nb][sum];
            if (sum >= observed) {
                atLeast += ways[nb][sum];
            }
        }
        return Math.min(1, atLeast / all);
    }
}
