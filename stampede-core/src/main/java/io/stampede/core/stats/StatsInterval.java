package io.stampede.core.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * What one process measured during one interval (about a second): the unit the web UI charts and a
 * master merges. Everything in it happened within the interval, so intervals add up exactly
 * ({@link #merge}) and a run's totals are their fold ({@link StatsFold}).
 *
 * <p>The lists are kept sorted (entries by key, errors and exceptions by id, checks by name) so that
 * equal contents are equal values, whatever order they were built or decoded in.
 *
 * @param sequence 1, 2, 3... per collector; a gap means intervals were lost on the way
 * @param node the process that measured it; a merge of several is their names joined by {@code +}
 * @param startEpochMillis where the interval begins (the previous interval's end)
 * @param endEpochMillis where it ends
 * @param users the users running at its end (summed over nodes in a merge)
 * @param entries per (method, name), only keys with samples
 * @param errors occurrences within the interval, first and last within it
 * @param exceptions counts within the interval
 * @param checks passes and failures within the interval
 */
public record StatsInterval(long sequence, String node, long startEpochMillis, long endEpochMillis, int users,
                            List<EntryStats> entries, List<ErrorStats> errors, List<ExceptionStats> exceptions,
                            List<CheckStats> checks) {
    /** The version of {@link StatsIntervalCodec}'s layout; a reader refuses any other. */
    public static final int FORMAT_VERSION = 1;

    public StatsInterval {
        entries = sorted(entries, Comparator.comparing(EntryStats::key));
        errors = sorted(errors, Comparator.comparing(ErrorStats::id));
        exceptions = sorted(exceptions, Comparator.comparing(ExceptionStats::id));
        checks = sorted(checks, Comparator.comparing(CheckStats::name));
    }

    private static <T> List<T> sorted(List<T> rows, Comparator<T> order) {
        List<T> copy = new ArrayList<>(rows);
        copy.sort(order);
        return List.copyOf(copy);
    }

    /** An interval in which nothing was recorded. */
    public static StatsInterval empty(long sequence, String node, long startEpochMillis, long endEpochMillis,
                                      int users) {
        return new StatsInterval(sequence, node, startEpochMillis, endEpochMillis, users, List.of(), List.of(),
                List.of(), List.of());
    }

    /** All entries merged under {@link StatsSnapshot#AGGREGATED}. */
    public EntryStats total() {
        return StatsSnapshot.totalOf(entries);
    }

    /** Whether nothing at all was recorded: no request, exception or check. */
    public boolean isEmpty() {
        return entries.isEmpty() && errors.isEmpty() && exceptions.isEmpty() && checks.isEmpty();
    }

    /** Seconds from start to end, never less than a millisecond (for rates). */
    public double durationSeconds() {
        return Math.max(1, endEpochMillis - startEpochMillis) / 1000.0;
    }

    /**
     * The exact sum of two intervals: usually two nodes' intervals of the same sequence, but any two
     * add up. Counts, histograms and users add; the times span both; the sequence is the larger.
     * The node becomes the sorted set of both names joined by {@code +} ("w1+w2"), so merging is
     * commutative and associative and the result still says where its data came from; a master that
     * prefers one cluster name renames it with {@link #withNode}.
     */
    public StatsInterval merge(StatsInterval other) {
        TreeSet<String> nodes = new TreeSet<>(List.of(node.split("\\+", -1)));
        nodes.addAll(List.of(other.node.split("\\+", -1)));
        return new StatsInterval(Math.max(sequence, other.sequence), String.join("+", nodes),
                Math.min(startEpochMillis, other.startEpochMillis), Math.max(endEpochMillis, other.endEpochMillis),
                users + other.users, StatsSnapshot.mergeEntries(entries, other.entries),
                StatsSnapshot.mergeBy(errors, other.errors, ErrorStats::id, ErrorStats::merge),
                StatsSnapshot.mergeBy(exceptions, other.exceptions, ExceptionStats::id, ExceptionStats::merge),
                StatsSnapshot.mergeBy(checks, other.checks, CheckStats::name, CheckStats::merge));
    }

    /** The same interval under another node name (a cluster's, say). */
    public StatsInterval withNode(String name) {
        return new StatsInterval(sequence, name, startEpochMillis, endEpochMillis, users, entries, errors,
                exceptions, checks);
    }
}
