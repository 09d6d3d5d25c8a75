package io.stampede.store;

import io.stampede.core.time.Clock;

/** A clock the test moves by hand, so that synthetic runs come out the same in every process. */
final class ManualClock implements Clock {
    private long nanos = 1_000_000_000L;
    private long epochMillis;

    ManualClock(long epochMillis) {
        this.epochMillis = epochMillis;
    }

    void advanceMillis(long ms) {
        nanos += ms * 1_000_000L;
        epochMillis += ms;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public long epochMillis() {
        return epochMillis;
    }
}
