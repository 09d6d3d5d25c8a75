package io.stampede.core.stats;

import java.util.List;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * The recording side of one key: user threads write into the active interval while the collector
 * flips intervals, as HdrHistogram's {@code Recorder} does, but with our counters and error rows
 * flipped in the same step so an interval's count, failures, times and errors always agree.
 */
final class LiveEntry {
    private final StatsKey key;
    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile IntervalAccumulator active = new IntervalAccumulator();
    private IntervalAccumulator inactive = new IntervalAccumulator();

    LiveEntry(StatsKey key) {
        this.key = key;
    }

    StatsKey key() {
        return key;
    }

    /** @param error null for a success */
    void record(long elapsedNanos, long contentLength, String error, long epochMillis) {
        long stamp = phaser.writerCriticalSectionEnter();
        try {
            active.record(elapsedNanos, contentLength, error, epochMillis);
        } finally {
            phaser.writerCriticalSectionExit(stamp);
        }
    }

    /** One key's samples and error rows of one interval. */
    record Taken(EntryStats stats, List<ErrorStats> errors) {
    }

    /** Takes everything recorded since the previous call. Only the collector thread calls this. */
    synchronized Taken flip() {
        phaser.readerLock();
        try {
            inactive.reset();
            IntervalAccumulator taken = active;
            active = inactive;
            inactive = taken;
            phaser.flipPhase();
            return new Taken(taken.toStats(key), taken.errorsOf(key));
        } finally {
            phaser.readerUnlock();
        }
    }
}
