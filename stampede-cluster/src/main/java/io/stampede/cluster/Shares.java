package io.stampede.cluster;

/**
 * Splits a whole number over weights by the largest-remainder method: each part is the floor of its
 * exact share, and the units left over go to the largest remainders (the earlier part on a tie), so
 * the parts always add up to the total and none is more than one unit off its exact share.
 */
final class Shares {
    private Shares() {
    }

    static int[] split(int total, int[] weights) {
        int[] parts = new int[weights.length];
        long sum = 0;
        for (int w : weights) {
            if (w < 1) {
                throw new IllegalArgumentException("a weight must be at least 1, was " + w);
            }
            sum += w;
        }
        if (weights.length == 0) {
            return parts;
        }
        // integer arithmetic throughout: remainders compare exactly, and so do ties
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            long exact = (long) total * weights[i];
            parts[i] = (int) (exact / sum);
            remainders[i] = exact % sum;
            given += parts[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
        }
        return parts;
    }
}
