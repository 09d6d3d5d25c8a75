package io.stampede.core.stats;

import java.util.Set;
import java.util.TreeSet;

/**
 * An exception thrown by scenario code, grouped by message and stack trace: a row of the exceptions
 * report. {@code nodes} names where it happened (the local host, or the workers of a cluster).
 */
public record ExceptionStats(String message, String traceback, long count, Set<String> nodes) {
    public ExceptionStats {
        nodes = Set.copyOf(nodes);
    }

    public ExceptionStats merge(ExceptionStats other) {
        Set<String> all = new TreeSet<>(nodes);
        all.addAll(other.nodes);
        return new ExceptionStats(message, traceback, count + other.count, all);
    }

    /** The grouping identity of a row; NUL separates the parts, since a message may span lines. */
    public String id() {
        return message + '\0' + traceback;
    }
}
