package io.stampede.core.stats;

import java.util.List;

/** The percentiles every report shows, the same list as Locust's CSV columns. */
public final class Percentiles {
    public static final List<Double> REPORTED = List.of(50.0, 66.0, 75.0, 80.0, 90.0, 95.0, 98.0, 99.0, 99.9, 99.99, 100.0);

    private Percentiles() {
    }

    /** The column label of a percentile: "50%", "99.9%", "100%". */
    public static String label(double percentile) {
        return (percentile == Math.rint(percentile) ? String.valueOf((long) percentile) : String.valueOf(percentile)) + "%";
    }
}
