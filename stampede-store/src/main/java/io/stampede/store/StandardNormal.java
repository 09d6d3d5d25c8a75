package io.stampede.store;

/** The standard normal distribution's upper tail, for the significance tests' normal approximations. */
final class StandardNormal {
    private StandardNormal() {
    }

    /**
     * P(Z &gt; z). Abramowitz and Stegun's rational approximation 7.1.26 of erfc (absolute error below
     * 1.5e-7): far finer than the 0.01 the tests decide at, and no maths library needed.
     */
    static double upperTail(double z) {
        if (Double.isNaN(z)) {
            return 1;
        }
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erfc = poly * Math.exp(-x * x);
        return z >= 0 ? erfc / 2 : 1 - erfc / 2;
    }
}
