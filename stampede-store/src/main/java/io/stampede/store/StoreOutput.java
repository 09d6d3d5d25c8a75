package io.stampede.store;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.StatsInterval;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Records runs in the results store: a row with status running at {@link #start}, every interval as
 * it comes (stored by a writer thread, see {@link IntervalWriter}), and at {@link #finish} the final
 * statistics per name and status complete. {@link #onInterval} only queues, so the run driver never
 * waits for the database.
 *
 * <p>When the store fails during a run (the database goes away, or falls more than the queue's
 * capacity behind), this output throws {@link StoreUnavailableException}: from the next
 * {@link #onInterval}, after which the driver stops calling it and the other outputs carry on, and
 * again from {@link #finish}, so the CLI can say the run was not stored. The run is then left marked
 * incomplete with the intervals stored up to the failure, where the database still allows it.
 *
 * <p>One run at a time; a driver that starts again gets a new row.
 */
public final class StoreOutput implements Output {
    /** Intervals held while the database is slow: two minutes of one-second intervals. */
    static final int QUEUE_CAPACITY = 120;
    /** How often an idle writer still proves it is alive. */
    static final long HEARTBEAT_MILLIS = 5_000;
    /** How long {@link #finish} waits for the queued intervals to be stored. */
    static final long FINISH_TIMEOUT_MILLIS = 30_000;

    private final DataSource pool;
    private final String storeName;
    private final String scenario;
    private final int capacity;
    private volatile IntervalWriter writer;
    private volatile long runId;
    private volatile StoreUnavailableException startFailure;

    StoreOutput(DataSource pool, String storeName, String scenario, int capacity) {
        this.pool = pool;
        this.storeName = storeName;
        this.scenario = scenario;
        this.capacity = capacity;
    }

    @Override
    public String name() {
        return "results store";
    }

    /** The stored run's id once started (to print "stored as run 12"); 0 before. */
    public long runId() {
        return runId;
    }

    /** How many intervals of the current run are stored so far. */
    public int intervalsStored() {
        IntervalWriter w = writer;
        return w == null ? 0 : w.progress().intervals();
    }

    @Override
    public void start(RunInfo info) {
        writer = null;
        runId = 0;
        startFailure = null;
        String what = scenario == null || scenario.isBlank() ? String.join(",", info.userClasses()) : scenario;
        long id;
        try {
            id = Transactions.inTransaction(pool,
                    c -> RunRows.insert(c, info, what, WriterId.current(), System.currentTimeMillis()));
        } catch (SQLException | RuntimeException e) {
            startFailure = new StoreUnavailableException("the results store " + storeName + " could not record the run: "
                    + StoreUnavailableException.firstLine(e), e);
            throw startFailure;
        }
        runId = id;
        writer = new IntervalWriter(pool, id, info.startEpochMillis(), capacity, HEARTBEAT_MILLIS);
    }

    @Override
    public void onInterval(StatsInterval interval) {
        IntervalWriter w = writer;
        if (w == null) {
            return;
        }
        if (w.failure() == null && !w.offer(interval)) {
            w.fail(new IllegalStateException("it fell " + capacity + " intervals behind"));
        }
        if (w.failure() != null) {
            throw failedDuringRun(w.failure());
        }
    }

    @Override
    public void finish(RunResult result) throws InterruptedException {
        IntervalWriter w = writer;
        if (w == null) {
            throw startFailure != null ? startFailure
                    : new IllegalStateException("finish without start: no run was recorded");
        }
        boolean ended = w.end(FINISH_TIMEOUT_MILLIS);
        if (w.failure() == null && !ended) {
            w.fail(new IllegalStateException("it did not store the last intervals within "
                    + FINISH_TIMEOUT_MILLIS / 1000 + " s"));
        }
        if (w.failure() == null) {
            try {
                Transactions.inTransaction(pool, c -> {
                    RunRows.complete(c, runId, result, w.progress().peakUsers(), System.currentTimeMillis());
                    return null;
                });
                return;
            } catch (SQLException | RuntimeException e) {
                w.fail(e);
            }
        }
        StoreUnavailableException failed = failedDuringRun(w.failure());
        markIncomplete(result.stopReason() + "; not stored in full: " + StoreUnavailableException.firstLine(w.failure()),
                failed);
        throw failed;
    }

    private StoreUnavailableException failedDuringRun(Throwable cause) {
        return new StoreUnavailableException("the results store " + storeName + " failed during run " + runId + ": "
                + StoreUnavailableException.firstLine(cause), cause);
    }

    /** Best effort: the database that just failed may well refuse this too. */
    private void markIncomplete(String reason, Exception failure) {
        try {
            Transactions.inTransaction(pool, c -> RunRows.markIncomplete(c, runId, reason, System.currentTimeMillis()));
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
