package io.stampede.core.stats;

import io.stampede.core.time.Clock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live, recording side of the statistics: every user thread reports requests, exceptions and
 * checks here. The success path does two map look-ups and no allocation. It only records and
 * {@link #flip flips}: {@link StatsCollector} turns what it flips out into intervals.
 */
public final class StatsRegistry implements RequestRecorder {
    private final Clock clock;
    private final String node;
    private final Map<String, Map<String, LiveEntry>> entries = new ConcurrentHashMap<>();
    private final Map<String, ExceptionCounter> exceptions = new ConcurrentHashMap<>();
    private final Map<String, LongAdder[]> checks = new ConcurrentHashMap<>();

    /** @param node the name this process goes by in reports (its host name, or a worker id) */
    public StatsRegistry(Clock clock, String node) {
        this.clock = clock;
        this.node = node;
    }

    @Override
    public void record(String method, String name, long elapsedNanos, long contentLength, String error) {
        long now = clock.epochMillis();
        entry(method, name).record(elapsedNanos, contentLength, error, now);
    }

    /** Plain look-ups first: a capturing computeIfAbsent lambda would allocate on every request. */
    private LiveEntry entry(String method, String name) {
        Map<String, LiveEntry> byName = entries.get(method);
        if (byName == null) {
            byName = entries.computeIfAbsent(method, m -> new ConcurrentHashMap<>());
        }
        LiveEntry e = byName.get(name);
        if (e == null) {
            e = byName.computeIfAbsent(name, n -> new LiveEntry(new StatsKey(method, n)));
        }
        return e;
    }

    /** Counts an exception thrown by scenario code. */
    public void recordException(Throwable t) {
        String message = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        String traceback = withoutEngineFrames(trace.toString());
        exceptions.computeIfAbsent(message + '\0' + traceback, k -> new ExceptionCounter(message, traceback)).count.increment();
    }

    /** The engine's own frames say nothing about the scenario's bug; the user's frames stay. */
    static String withoutEngineFrames(String trace) {
        StringBuilder b = new StringBuilder();
        for (String line : trace.split("\\R")) {
            String l = line.trim();
            boolean engine = l.startsWith("at io.stampede.core.run.") || l.startsWith("at java.base/java.lang.VirtualThread")
                    || l.startsWith("at java.base/java.lang.invoke.");
            if (!engine) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    public void recordCheck(String name, boolean passed) {
        checks.computeIfAbsent(name, n -> new LongAdder[] {new LongAdder(), new LongAdder()})[passed ? 0 : 1].increment();
    }

    /** The name this process goes by in reports. */
    String node() {
        return node;
    }

    /** Everything recorded between two flips: request entries with samples, their errors, exceptions, checks. */
    record Taken(List<EntryStats> entries, List<ErrorStats> errors, List<ExceptionStats> exceptions,
                 List<CheckStats> checks) {
    }

    /**
     * Takes everything recorded since the previous call. Requests and their errors are flipped per
     * key under its phaser; exceptions and checks are drained with {@code sumThenReset}, which moves
     * a count that lands during the drain to the next interval rather than losing it.
     */
    Taken flip() {
        List<EntryStats> taken = new ArrayList<>();
        List<ErrorStats> takenErrors = new ArrayList<>();
        for (Map<String, LiveEntry> byName : entries.values()) {
            for (LiveEntry e : byName.values()) {
                LiveEntry.Taken t = e.flip();
                if (t.stats().count() > 0) {
                    taken.add(t.stats());
                }
                takenErrors.addAll(t.errors());
            }
        }
        List<ExceptionStats> takenExceptions = new ArrayList<>();
        for (ExceptionCounter e : exceptions.values()) {
            long n = e.count.sumThenReset();
            if (n > 0) {
                takenExceptions.add(new ExceptionStats(e.message, e.traceback, n, Set.of(node)));
            }
        }
        List<CheckStats> takenChecks = new ArrayList<>();
        for (Map.Entry<String, LongAdder[]> c : checks.entrySet()) {
            long passes = c.getValue()[0].sumThenReset();
            long fails = c.getValue()[1].sumThenReset();
            if (passes + fails > 0) {
                takenChecks.add(new CheckStats(c.getKey(), passes, fails));
            }
        }
        return new Taken(taken, takenErrors, takenExceptions, takenChecks);
    }

    private static final class ExceptionCounter {
        final String message;
        final String traceback;
        final LongAdder count = new LongAdder();

        ExceptionCounter(String message, String traceback) {
            this.message = message;
            this.traceback = traceback;
        }
    }
}
