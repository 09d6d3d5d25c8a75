package io.stampede.web;

import io.stampede.core.time.Clock;

/** A clock the test moves by hand. */
final class FakeClock implements Clock {
    private long nanos = 1_000_000_000L;
    private long epochMillis = 1_700_000_000_000L;

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
