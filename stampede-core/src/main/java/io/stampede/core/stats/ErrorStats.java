package io.stampede.core.stats;

/**
 * How often one (method, name, error) occurred, and when first and last: a row of the failures
 * report. Immutable and mergeable.
 */
public record ErrorStats(String method, String name, String error, long occurrences, long firstEpochMillis,
                         long lastEpochMillis) {
    public ErrorStats merge(ErrorStats other) {
        return new ErrorStats(method, name, error, occurrences + other.occurrences,
                Math.min(firstEpochMillis, other.firstEpochMillis), Math.max(lastEpochMillis, other.lastEpochMillis));
    }

    /**
     * The grouping identity of a row, also its sort order. NUL separates the parts: a space would
     * let "GET", "/a b", "x" and "GET", "/a", "b x" collide, and NUL is in no request name.
     */
    public String id() {
        return method + '\0' + name + '\0' + error;
    }
}
