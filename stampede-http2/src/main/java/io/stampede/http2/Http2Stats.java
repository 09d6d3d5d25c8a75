package io.stampede.http2;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the HTTP/2 transport saw over a run, for the statistics: the responses that came back over
 * HTTP/2, the connections opened (one per user and origin, plus reconnections), and the most streams
 * one connection carried at once (above 1 only when a user sent concurrent requests).
 */
public final class Http2Stats {
    private final LongAdder responses = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final AtomicInteger peakStreams = new AtomicInteger();

    void connected() {
        connections.increment();
    }

    void streamsInFlight(int n) {
        int seen;
        while (n > (seen = peakStreams.get()) && !peakStreams.compareAndSet(seen, n)) {
            Thread.onSpinWait();
        }
    }

    void answered() {
        responses.increment();
    }

    /** Responses received over HTTP/2 (any status). */
    public long responses() {
        return responses.sum();
    }

    public long connections() {
        return connections.sum();
    }

    /** The most streams open at once on one connection. */
    public int peakStreamsPerConnection() {
        return peakStreams.get();
    }
}
