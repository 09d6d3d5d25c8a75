package io.stampede.store;

import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsIntervalCodec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The one thread that stores a run's intervals, so that neither the users nor the run driver ever
 * wait for the database. It takes what is queued, encodes it and stores it in one transaction with
 * the run's counts so far and a heartbeat: one interval a second normally, a whole backlog in one
 * batch when the database was slow. With nothing to store it still beats every heartbeat period.
 * After its first failure it stores nothing more and keeps the failure for the output to report.
 */
final class IntervalWriter {
    /** The most intervals stored in one transaction. */
    static final int MAX_BATCH = 100;

    /** Put last by {@link #end}; compared by identity, never stored. */
    private static final StatsInterval END = StatsInterval.empty(Long.MIN_VALUE, "end of run", 0, 0, 0);

    private final DataSource pool;
    private final long runId;
    private final long heartbeatMillis;
    private final BlockingQueue<StatsInterval> queue;
    private final Thread thread;
    private volatile Progress progress;
    private volatile Throwable failure;

    IntervalWriter(DataSource pool, long runId, long startEpochMillis, int capacity, long heartbeatMillis) {
        this.pool = pool;
        this.runId = runId;
        this.heartbeatMillis = heartbeatMillis;
        // One slot more than promised, so END always fits after a full queue of intervals.
        this.queue = new ArrayBlockingQueue<>(capacity + 1);
        this.progress = Progress.none(startEpochMillis);
        this.thread = new Thread(this::loop, "stampede-store-writer-" + runId);
        // A process that exits without finishing leaves a running row; the next open marks it incomplete.
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues an interval without waiting; false when the queue is full (the database is far behind). */
    boolean offer(StatsInterval interval) {
        return queue.remainingCapacity() > 1 && queue.offer(interval);
    }

    /** Lets the writer store what is queued and stop; false when it did not within the time given. */
    boolean end(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        if (!queue.offer(END, timeoutMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        return !thread.isAlive();
    }

    /** The first failure, or null. */
    Throwable failure() {
        return failure;
    }

    /** Records a failure seen outside the thread (an overflow): the writer stops at its next batch. */
    void fail(Throwable why) {
        if (failure == null) {
            failure = why;
        }
    }

    Progress progress() {
        return progress;
    }

    private void loop() {
        List<StatsInterval> batch = new ArrayList<>(MAX_BATCH);
        boolean ending = false;
        while (!ending && failure == null) {
            batch.clear();
            try {
                StatsInterval first = queue.poll(heartbeatMillis, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
            } catch (InterruptedException e) {
                // Nobody interrupts this thread on purpose; treat it as the end of the run.
                ending = true;
            }
            if (!batch.isEmpty() && batch.get(batch.size() - 1) == END) {
                batch.remove(batch.size() - 1);
                ending = true;
            }
            if (failure == null) {
                store(batch);
            }
        }
    }

    private void store(List<StatsInterval> batch) {
        Progress before = progress;
        Progress after = before;
        List<byte[]> encoded = new ArrayList<>(batch.size());
        for (StatsInterval interval : batch) {
            encoded.add(StatsIntervalCodec.encode(interval));
            after = after.plus(interval);
        }
        Progress next = after;
        try {
            Transactions.inTransaction(pool, c -> {
                if (!batch.isEmpty()) {
                    RunRows.insertIntervals(c, runId, before.intervals(), batch, encoded);
                }
                RunRows.progress(c, runId, next, System.currentTimeMillis());
                return null;
            });
            progress = next;
        } catch (SQLException | RuntimeException e) {
            fail(e);
        }
    }
}
