package io.stampede.core.stats;

import io.stampede.core.time.Clock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live, recording side of the statistics: every user thread reports requests, exceptions and
 * checks here. The success path does two map look-ups and no allocation. Snapshots are taken by
 * {@link StatsCollector}.
 */
public final class StatsRegistry implements RequestRecorder {
    private final Clock clock;
    private final String node;
    private final Map<String, Map<String, LiveEntry>> entries = new ConcurrentHashMap<>();
    private final Map<String, ErrorCounter> errors = new ConcurrentHashMap<>();
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
        entry(method, name).record(elapsedNanos, contentLength, error != null, now);
        if (error != null) {
            errors.computeIfAbsent(method + ' ' + name + ' ' + error, k -> new ErrorCounter(method, name, error, now))
                    .add(now);
        }
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
        exceptions.computeIfAbsent(message + '\n' + traceback, k -> new ExceptionCounter(message, traceback)).count.increment();
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

    /** Takes the requests recorded since the previous call, per key. */
    List<EntryStats> flipIntervals() {
        List<EntryStats> taken = new ArrayList<>();
        for (Map<String, LiveEntry> byName : entries.values()) {
            for (LiveEntry e : byName.values()) {
                taken.add(e.flip());
            }
        }
        return taken;
    }

    List<ErrorStats> errors() {
        return errors.values().stream().map(ErrorCounter::toStats).toList();
    }

    List<ExceptionStats> exceptions() {
        return exceptions.values().stream()
                .map(e -> new ExceptionStats(e.message, e.traceback, e.count.sum(), java.util.Set.of(node))).toList();
    }

    List<CheckStats> checks() {
        return checks.entrySet().stream()
                .map(e -> new CheckStats(e.getKey(), e.getValue()[0].sum(), e.getValue()[1].sum())).toList();
    }

    /** Forgets errors, exceptions and checks (--reset-stats); request entries are reset by the collector. */
    void resetCounters() {
        errors.clear();
        exceptions.clear();
        checks.clear();
    }

    private static final class ErrorCounter {
        final String method;
        final String name;
        final String error;
        final long first;
        final LongAdder count = new LongAdder();
        volatile long last;

        ErrorCounter(String method, String name, String error, long first) {
            this.method = method;
            this.name = name;
            this.error = error;
            this.first = first;
        }

        void add(long now) {
            count.increment();
            last = now;
        }

        ErrorStats toStats() {
            return new ErrorStats(method, name, error, count.sum(), first, Math.max(first, last));
        }
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
