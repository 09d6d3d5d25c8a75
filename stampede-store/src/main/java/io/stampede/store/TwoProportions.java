package io.stampede.store;

/**
 * The two-proportion z-test on failure rates: is B's share of failed requests larger than A's by
 * more than chance would make it? The pooled rate estimates the common rate under "no difference".
 */
final class TwoProportions {
    private TwoProportions() {
    }

    /** The one-sided p-value of "B's failure rate is larger than A's"; 1 when either run is empty. */
    static double pLarger(long failuresA, long requestsA, long failuresB, long requestsB) {
        if (requestsA == 0 || requestsB == 0) {
            return 1;
        }
        double rateA = (double) failuresA / requestsA;
        double rateB = (double) failuresB / requestsB;
        double pooled = (double) (failuresA + failuresB) / (requestsA + requestsB);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / requestsA + 1.0 / requestsB));
        if (se == 0) {
            return 1; // no failure at all, or nothing but failures, in both
        }
        return StandardNormal.upperTail((rateB - rateA) / se);
    }
}
