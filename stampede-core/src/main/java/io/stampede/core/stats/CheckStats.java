package io.stampede.core.stats;

/** Passes and failures of one named check. Immutable and mergeable. */
public record CheckStats(String name, long passes, long fails) {
    public CheckStats merge(CheckStats other) {
        return new CheckStats(name, passes + other.passes, fails + other.fails);
    }

    public long total() {
        return passes + fails;
    }

    public double passRate() {
        return total() == 0 ? 1.0 : (double) passes / total();
    }
}
