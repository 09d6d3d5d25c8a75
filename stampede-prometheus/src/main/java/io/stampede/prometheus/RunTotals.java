package io.stampede.prometheus;

import static io.stampede.prometheus.MetricNames.OTHER;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.CheckStats;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.ErrorStats;
import io.stampede.core.stats.ExceptionStats;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything counted since the process started, built only from intervals (and the arrival
 * figures): an interval holds what happened within it, so adding each one once gives counters that
 * never go down, whatever the run's cumulative statistics do on a reset or a new run. Thread-safe:
 * the driver adds while scrapes read, under this object's lock, which is never held for I/O.
 */
final class RunTotals {
    private record FailureKey(String method, String name, String error) {
    }

    private final LabelCap<StatsKey> requestKeys = new LabelCap<>(MetricNames.MAX_REQUEST_SERIES);
    private final LabelCap<FailureKey> failureKeys = new LabelCap<>(MetricNames.MAX_FAILURE_SERIES);
    private final LabelCap<String> checkNames = new LabelCap<>(MetricNames.MAX_CHECKS);
    private final Map<StatsKey, RequestSeries> requests = new TreeMap<>();
    private final Map<FailureKey, long[]> failures = new LinkedHashMap<>();
    /** Per check name: passes, fails. */
    private final Map<String, long[]> checks = new TreeMap<>();
    private final RunCumulative scheduled = new RunCumulative();
    private final RunCumulative dropped = new RunCumulative();
    private long exceptions;
    private int users;

    synchronized void runStarted() {
        scheduled.restart();
        dropped.restart();
    }

    synchronized void add(StatsInterval interval) {
        for (EntryStats e : interval.entries()) {
            requests.computeIfAbsent(series(e.method(), e.name()), k -> new RequestSeries()).add(e);
        }
        for (ErrorStats e : interval.errors()) {
            StatsKey k = series(e.method(), e.name());
            FailureKey f = new FailureKey(k.method(), k.name(), shortened(e.error()));
            f = failureKeys.admit(f, new FailureKey(k.method(), k.name(), OTHER));
            failures.computeIfAbsent(f, x -> new long[1])[0] += e.occurrences();
        }
        for (ExceptionStats e : interval.exceptions()) {
            exceptions += e.count();
        }
        for (CheckStats c : interval.checks()) {
            long[] counts = checks.computeIfAbsent(checkNames.admit(c.name(), OTHER), x -> new long[2]);
            counts[0] += c.passes();
            counts[1] += c.fails();
        }
        users = interval.users();
    }

    /** The arrival scheduler's figures of the current run so far (null outside arrival-rate runs). */
    synchronized void arrival(ArrivalStats arrival) {
        if (arrival != null) {
            scheduled.see(arrival.scheduled());
            dropped.see(arrival.dropped());
        }
    }

    /** The run's final arrival figures (or null); its users have all stopped. */
    synchronized void runFinished(ArrivalStats arrival) {
        arrival(arrival);
        users = 0;
    }

    /** Users running at the end of the last interval. */
    synchronized int users() {
        return users;
    }

    private StatsKey series(String method, String name) {
        StatsKey k = new StatsKey(method, name);
        return requestKeys.admit(k, new StatsKey(method, OTHER));
    }

    private static String shortened(String error) {
        int max = MetricNames.MAX_ERROR_LENGTH;
        return error.length() <= max ? error : error.substring(0, max - 3) + "...";
    }

    /** The counters and the histogram as they are now. */
    synchronized List<MetricSnapshot> snapshots() {
        List<MetricSnapshot> all = new ArrayList<>();
        CounterSnapshot.Builder requested = CounterSnapshot.builder().name(MetricNames.REQUESTS)
                .help("Requests sent, by method and statistics name");
        HistogramSnapshot.Builder times = HistogramSnapshot.builder().name(MetricNames.RESPONSE_TIME).unit(Unit.SECONDS)
                .help("Response times, by method and statistics name (buckets exact from Stampede's HdrHistogram)");
        requests.forEach((k, s) -> {
            Labels labels = Labels.of("method", k.method(), "name", k.name());
            requested.dataPoint(counter(labels, s.requests()));
            times.dataPoint(s.histogram(labels));
        });
        all.add(requested.build());
        all.add(times.build());

        CounterSnapshot.Builder failed = CounterSnapshot.builder().name(MetricNames.FAILURES)
                .help("Failed requests, by method, statistics name and error");
        failures.forEach((f, n) -> failed.dataPoint(counter(Labels.of("method", f.method(), "name", f.name(),
                "error", f.error()), n[0])));
        all.add(failed.build());

        CounterSnapshot.Builder checked = CounterSnapshot.builder().name(MetricNames.CHECKS)
                .help("Checks made by scenario code, by check name and result (pass or fail)");
        checks.forEach((name, n) -> {
            checked.dataPoint(counter(Labels.of("check", name, "result", "pass"), n[0]));
            checked.dataPoint(counter(Labels.of("check", name, "result", "fail"), n[1]));
        });
        all.add(checked.build());

        all.add(single(MetricNames.EXCEPTIONS, "Exceptions thrown by scenario code", exceptions));
        all.add(single(MetricNames.ITERATIONS_SCHEDULED, "Iterations an arrival-rate plan asked for", scheduled.total()));
        all.add(single(MetricNames.ITERATIONS_DROPPED,
                "Iterations of an arrival-rate plan dropped because every user was busy", dropped.total()));
        return all;
    }

    private static CounterDataPointSnapshot counter(Labels labels, long value) {
        return CounterDataPointSnapshot.builder().labels(labels).value(value).build();
    }

    private static CounterSnapshot single(String name, String help, long value) {
        return CounterSnapshot.builder().name(name).help(help).dataPoint(counter(Labels.EMPTY, value)).build();
    }
}
