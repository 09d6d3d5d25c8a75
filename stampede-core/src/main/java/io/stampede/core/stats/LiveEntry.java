package io.stampede.core.stats;

import org.HdrHistogram.WriterReaderPhaser;

/**
 * The recording side of one key: user threads write into the active interval while the collector
 * flips intervals, as HdrHistogram's {@code Recorder} does, but with our counters flipped in the
 * same step so an interval's count, failures and times always agree.
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

    void record(long elapsedNanos, long contentLength, boolean failed, long epochMillis) {
        long stamp = phaser.writerCriticalSectionEnter();
        try {
            active.record(elapsedNanos, contentLength, failed, epochMillis);
        } finally {
            phaser.writerCriticalSectionExit(stamp);
        }
    }

    /** Takes everything recorded since the previous call. Only the collector thread calls this. */
    synchronized EntryStats flip() {
        phaser.readerLock();
        try {
            inactive.reset();
            IntervalAccumulator taken = active;
            active = inactive;
            inactive = taken;
            phaser.flipPhase();
            return taken.toStats(key);
        } finally {
            phaser.readerUnlock();
        }
    }
}
