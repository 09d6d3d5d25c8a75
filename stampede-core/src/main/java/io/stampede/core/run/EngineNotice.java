package io.stampede.core.run;

/**
 * Something the person running the test should know while it runs. A value, not a sentence: the
 * engine knows no flags, so the CLI (or the web UI) words it and says what to change.
 */
public sealed interface EngineNotice {
    /** Every user of the arrival pool is busy at its maximum: iterations start late (and count from when they were due). */
    record ArrivalPoolExhausted(int users, int maxUsers) implements EngineNotice {
    }

    /** Iterations later than {@code maxDelayMillis} are being dropped (and counted). */
    record IterationsDropped(long maxDelayMillis, int users) implements EngineNotice {
    }
}
