package io.stampede.core.time;

/**
 * The engine's only source of time, injected so scheduling can be tested without waiting.
 * {@link #nanoTime()} is monotonic (for durations); {@link #epochMillis()} is wall time (for reports).
 */
public interface Clock {
    Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long epochMillis() {
            return System.currentTimeMillis();
        }
    };

    long nanoTime();

    long epochMillis();
}
