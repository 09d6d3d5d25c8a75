package io.stampede.core.run;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps one faulty output (a web client gone, a full disk) from costing the others their files: an
 * output that throws is named once and gets no more periodic calls in that run, but it is still
 * asked to finish, and every other output gets every call.
 */
final class OutputGuard {
    private final List<Output> outputs;
    private final Consumer<String> log;
    private final Set<Output> failed = new HashSet<>();

    OutputGuard(List<Output> outputs, Consumer<String> log) {
        this.outputs = List.copyOf(outputs);
        this.log = log;
    }

    void start(RunInfo info) {
        failed.clear();
        for (Output o : outputs) {
            call(o, "start", () -> o.start(info));
        }
    }

    void interval(StatsInterval interval, StatsSnapshot snapshot) {
        interval(interval, snapshot, null, null);
    }

    /** With {@code arrival} (and the uncorrected statistics) in an arrival-rate run; null otherwise. */
    void interval(StatsInterval interval, StatsSnapshot snapshot, ArrivalStats arrival, StatsSnapshot uncorrected) {
        for (Output o : outputs) {
            call(o, "interval", () -> {
                o.onInterval(interval);
                if (snapshot != null) {
                    o.onSnapshot(snapshot);
                    if (arrival != null) {
                        o.onArrival(arrival, uncorrected);
                    }
                }
            });
        }
    }

    /** Every output is asked, failed or not; returns one line per output that could not finish. */
    List<String> finish(RunResult result) {
        List<String> problems = new ArrayList<>();
        for (Output o : outputs) {
            try {
                o.finish(result);
            } catch (Exception | LinkageError e) {
                String line = o.name() + " could not finish: " + describe(e);
                log.accept(line);
                problems.add(line);
            }
        }
        return problems;
    }

    private void call(Output o, String what, ThrowingRunnable r) {
        if (failed.contains(o)) {
            return;
        }
        try {
            r.run();
        } catch (Exception | LinkageError e) {
            failed.add(o);
            log.accept(o.name() + " failed on " + what + " (" + describe(e) + "); it gets no more updates in this run,"
                    + " the other outputs carry on");
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
