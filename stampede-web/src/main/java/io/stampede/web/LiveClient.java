package io.stampede.web;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One browser's queue of frames, between the run's thread (which offers) and the browser's
 * connection (which sends). Offering never blocks: a browser that reads slower than the run
 * reports, or has gone without closing, fills its queue and is dropped. Its page then reconnects,
 * as EventSource does by itself, and gets the whole history again, so nothing is lost but time.
 */
final class LiveClient {
    /** About a minute of updates at one a second. */
    static final int QUEUE_FRAMES = 64;

    private final ArrayBlockingQueue<Frame> queue = new ArrayBlockingQueue<>(QUEUE_FRAMES + 1);
    private boolean dropped;

    /** False when the client is (now) dropped. */
    synchronized boolean offer(Frame f) {
        if (dropped) {
            return false;
        }
        if (queue.size() >= QUEUE_FRAMES) {
            drop();
            return false;
        }
        queue.add(f);
        return true;
    }

    /** Forgets what was queued and makes the connection end. */
    synchronized void drop() {
        if (!dropped) {
            dropped = true;
            queue.clear();
            // the one slot beyond QUEUE_FRAMES is for this
            queue.add(Frame.END);
        }
    }

    synchronized boolean dropped() {
        return dropped;
    }

    /** The next frame to send, {@link Frame#END} to stop, or null when none came within {@code wait}. */
    Frame next(Duration wait) throws InterruptedException {
        return queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }
}
